using System.Text;
using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.S3;
using LinqToDB.Data;

namespace Api.Features.Wholesale.Voice;

/// <summary>
/// Where call transcripts go. S3-compatible storage when any of its settings is present: <c>Wholesale:Transcripts:S3:ServiceUrl</c>,
/// <c>AccessKeyId</c>, <c>SecretAccessKey</c>, <c>Bucket</c>, <c>PublicUrl</c> (optional <c>Region</c>, default <c>auto</c>), or the
/// document's <c>R2_ACCOUNT_ID</c>, <c>R2_ACCESS_KEY_ID</c>, <c>R2_SECRET_ACCESS_KEY</c>, <c>R2_BUCKET_NAME</c>, <c>R2_PUBLIC_URL</c>
/// (service URL <c>https://&lt;account&gt;.r2.cloudflarestorage.com</c>). A storage with a setting missing is a 503 naming it.
/// Nothing configured: <c>wholesale.call_transcripts</c>, served at <c>/wholesale/api/voice/transcripts/{key}</c> to staff and voice keys.
/// Keys: <c>transcripts/&lt;yyyy-MM-dd UTC&gt;/&lt;phone&gt;_&lt;call_id&gt;.txt</c> (<c>.json</c> for a JSON file).
/// </summary>
static class Transcripts
{
    public const string TableBucket = "database";

    public sealed record Stored(string Url, string Key, string Bucket, int SizeBytes);

    /// <summary>(settings, null) for S3; (null, null) for the table; (null, missing-setting message) when storage is chosen but incomplete.</summary>
    public static (S3Settings? Settings, string? Missing) Resolve(IConfiguration config)
    {
        var s = config.GetSection("Wholesale:Transcripts:S3");
        string? V(string k) => config[k] is { Length: > 0 } v ? v : null;
        string? S(string k) => s[k] is { Length: > 0 } v ? v : null;
        if (new[] { "ServiceUrl", "AccessKeyId", "SecretAccessKey", "Bucket", "PublicUrl" }.Any(k => S(k) is not null))
        {
            foreach (var k in new[] { "ServiceUrl", "AccessKeyId", "SecretAccessKey", "Bucket", "PublicUrl" })
                if (S(k) is null) return (null, $"Wholesale:Transcripts:S3:{k} setting is missing");
            return (new S3Settings(S("ServiceUrl")!, S("AccessKeyId")!, S("SecretAccessKey")!, S("Bucket")!, S("PublicUrl")!, S("Region") ?? "auto"), null);
        }
        string[] r2 = ["R2_ACCOUNT_ID", "R2_ACCESS_KEY_ID", "R2_SECRET_ACCESS_KEY", "R2_BUCKET_NAME", "R2_PUBLIC_URL"];
        if (r2.Any(k => V(k) is not null))
        {
            foreach (var k in r2) if (V(k) is null) return (null, $"{k} environment variable is missing");
            var endpoint = V("R2_ENDPOINT_URL") ?? $"https://{V("R2_ACCOUNT_ID")}.r2.cloudflarestorage.com";
            return (new S3Settings(endpoint, V("R2_ACCESS_KEY_ID")!, V("R2_SECRET_ACCESS_KEY")!, V("R2_BUCKET_NAME")!, V("R2_PUBLIC_URL")!), null);
        }
        return (null, null);
    }

    public static string Key(DateTimeOffset now, string? phone, string? callId, string ext) =>
        $"transcripts/{now:yyyy-MM-dd}/{Safe(phone) ?? "unknown"}_{Safe(callId) ?? Guid.NewGuid().ToString("N")[..12]}.{ext}";

    static string? Safe(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var cleaned = new string(s.Trim().Where(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '_' or '.').ToArray()).Trim('.');
        return cleaned.Length == 0 ? null : cleaned.Length > 80 ? cleaned[..80] : cleaned;
    }

    /// <summary>Stores the text; <see cref="S3UploadException"/> when S3 refuses. Callers check <see cref="Resolve"/> first for the 503.</summary>
    public static async Task<Stored> SaveAsync(AppDb db, S3Settings? s3, string baseUrl, string key, string content, string? phone, string? callId, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        if (s3 is not null)
        {
            var url = await ObjectStorage.PutAsync(s3, key, bytes, key.EndsWith(".json") ? "application/json" : "text/plain; charset=utf-8", ct);
            return new Stored(url, key, s3.Bucket, bytes.Length);
        }
        await db.ExecuteAsync("""
            insert into wholesale.call_transcripts (key, phone, call_id, content, size_bytes) values (@Key, @Phone, @CallId, @Content, @Size)
            on conflict (key) do update set content = excluded.content, size_bytes = excluded.size_bytes, created_at = now()
            """, new { Key = key, Phone = phone, CallId = callId, Content = content, Size = bytes.Length }, ct);
        return new Stored($"{baseUrl.TrimEnd('/')}/wholesale/api/voice/transcripts/{key}", key, TableBucket, bytes.Length);
    }

    public static string BaseUrl(HttpRequest r) => $"{r.Scheme}://{r.Host}";
}
