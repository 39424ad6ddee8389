using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Api.Tests.Features.Wholesale.Voice;

/// <summary>
/// An S3-compatible bucket on 127.0.0.1 that checks AWS Signature Version 4 the way S3/R2/MinIO do: it rebuilds the canonical
/// request from what arrived (raw path, query, the signed headers, <c>x-amz-content-sha256</c>), signs it with the secret it
/// knows and compares. A bad signature is a 403 <c>SignatureDoesNotMatch</c>; <see cref="Fail"/> makes every PUT a 500.
/// </summary>
public sealed class FakeS3
{
    public const string AccessKey = "AKIAFAKEVOICE0001", SecretKey = "fake-s3-secret-voice/0123456789", Bucket = "call-transcripts";
    public string Url { get; }
    public volatile bool Fail;
    public ConcurrentQueue<Put> Puts { get; } = new();

    /// <summary>One PUT as received. <see cref="Problem"/> is null when the signature and payload hash checked out.</summary>
    public sealed record Put(string Bucket, string Key, string Body, string? ContentType, string Authorization, string PayloadHash,
        string? Problem, IReadOnlyDictionary<string, string> Headers);

    public FakeS3()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(async ctx =>
        {
            using var ms = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(ms);
            var body = ms.ToArray();
            var raw = ctx.Features.Get<IHttpRequestFeature>()!.RawTarget;
            var path = raw.Split('?')[0];
            var parts = path.TrimStart('/').Split('/', 2);
            var headers = ctx.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            var problem = Verify(ctx.Request.Method, raw, headers, body);
            var put = new Put(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "", Encoding.UTF8.GetString(body),
                ctx.Request.ContentType, headers.GetValueOrDefault("authorization") ?? "", headers.GetValueOrDefault("x-amz-content-sha256") ?? "", problem, headers);
            if (ctx.Request.Method == "PUT") Puts.Enqueue(put);
            if (problem is not null) { await Error(ctx, 403, "SignatureDoesNotMatch", problem); return; }
            if (Fail) { await Error(ctx, 500, "InternalError", "We encountered an internal error. Please try again."); return; }
            ctx.Response.Headers.ETag = "\"" + Convert.ToHexStringLower(MD5.HashData(body)) + "\"";
            ctx.Response.StatusCode = 200;
        });
        app.StartAsync().GetAwaiter().GetResult();
        Url = app.Urls.First();
    }

    static async Task Error(HttpContext ctx, int status, string code, string message)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/xml";
        await ctx.Response.WriteAsync($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{System.Security.SecurityElement.Escape(message)}</Message><RequestId>fake</RequestId></Error>");
    }

    /// <summary>Null when the request carries a valid SigV4 signature by <see cref="SecretKey"/>; else why not.</summary>
    public static string? Verify(string method, string rawTarget, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        if (headers.GetValueOrDefault("authorization") is not { } auth || !auth.StartsWith("AWS4-HMAC-SHA256 ")) return "no AWS4-HMAC-SHA256 Authorization header";
        var fields = auth["AWS4-HMAC-SHA256 ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(f => f.Split('=', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1]);
        if (!fields.TryGetValue("Credential", out var credential) || !fields.TryGetValue("SignedHeaders", out var signedHeaders)
            || !fields.TryGetValue("Signature", out var signature)) return "Authorization lacks Credential, SignedHeaders or Signature";
        var cred = credential.Split('/');
        if (cred.Length != 5 || cred[0] != AccessKey || cred[3] != "s3" || cred[4] != "aws4_request") return $"unexpected credential {credential}";
        if (headers.GetValueOrDefault("x-amz-date") is not { } amzDate || !amzDate.StartsWith(cred[1])) return "x-amz-date missing or not the credential's date";
        var signed = signedHeaders.Split(';');
        if (!signed.Contains("host") || !signed.Contains("x-amz-date") || !signed.Contains("x-amz-content-sha256")) return "host, x-amz-date and x-amz-content-sha256 must be signed";
        var payloadHash = headers.GetValueOrDefault("x-amz-content-sha256") ?? "";
        if (payloadHash.StartsWith("STREAMING-")) return "chunked (streaming) signing is not accepted";
        if (payloadHash != "UNSIGNED-PAYLOAD" && payloadHash != Convert.ToHexStringLower(SHA256.HashData(body))) return "x-amz-content-sha256 does not match the body";

        var pathAndQuery = rawTarget.Split('?', 2);
        var query = pathAndQuery.Length > 1 && pathAndQuery[1].Length > 0
            ? string.Join('&', pathAndQuery[1].Split('&').Select(p => p.Contains('=') ? p : p + "=").OrderBy(p => p.Split('=')[0], StringComparer.Ordinal).ThenBy(p => p, StringComparer.Ordinal))
            : "";
        var canonicalHeaders = string.Concat(signed.Select(h =>
            h + ":" + string.Join(' ', (headers.GetValueOrDefault(h) ?? "").Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)) + "\n"));
        var canonical = $"{method}\n{pathAndQuery[0]}\n{query}\n{canonicalHeaders}\n{signedHeaders}\n{payloadHash}";
        var scope = $"{cred[1]}/{cred[2]}/{cred[3]}/{cred[4]}";
        var toSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Hmac(Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("AWS4" + SecretKey), cred[1]), cred[2]), cred[3]), cred[4]);
        var expected = Convert.ToHexStringLower(Hmac(key, toSign));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature))
            ? null : "the request signature does not match the one calculated";
    }

    static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
