using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Api.Features.Wholesale.Voice;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Features.Wholesale.Voice;

/// <summary>The voice host with transcripts going to <see cref="FakeS3"/> (the <c>Wholesale:Transcripts:S3:*</c> settings).</summary>
public sealed class S3VoiceApi : ApiFactory
{
    public const string PublicUrl = "https://cdn.transcripts.test/calls";
    public FakeS3 S3 { get; } = new();
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:Enabled"] = "false",
        ["Wholesale:Transcripts:S3:ServiceUrl"] = S3.Url,
        ["Wholesale:Transcripts:S3:AccessKeyId"] = FakeS3.AccessKey,
        ["Wholesale:Transcripts:S3:SecretAccessKey"] = FakeS3.SecretKey,
        ["Wholesale:Transcripts:S3:Bucket"] = FakeS3.Bucket,
        ["Wholesale:Transcripts:S3:PublicUrl"] = PublicUrl,
    };
}

public sealed class TranscriptsTests(S3VoiceApi api) : IClassFixture<S3VoiceApi>
{
    const string B = WsKit.Base;
    const string Url = $"{B}/api/voice/upload-transcript";

    async Task<HttpClient> Voice() => api.KeyClient(await api.CreateApiKeyAsync(["voice"]));

    [Fact]
    public async Task Upload_signs_with_sigv4_and_stores_under_the_dated_phone_and_call_key()
    {
        var voice = await Voice();
        var callId = "conv_" + Guid.NewGuid().ToString("N")[..10];
        var text = "Agent: Thanks for calling.\nCaller: I need fryer oil.";
        var before = api.S3.Puts.Count;
        var rsp = await voice.PostJson(Url, new { transcript = text, call_id = callId, phone = "(312) 555-0142" });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        var key = $"transcripts/{DateTime.UtcNow:yyyy-MM-dd}/+13125550142_{callId}.txt";
        Assert.True((bool)body["success"]!);
        Assert.Equal(key, (string)body["key"]!);
        Assert.Equal(FakeS3.Bucket, (string)body["bucket"]!);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), (int)body["size_bytes"]!);
        Assert.Equal($"{S3VoiceApi.PublicUrl}/transcripts/{DateTime.UtcNow:yyyy-MM-dd}/%2B13125550142_{callId}.txt", (string)body["transcript_url"]!);

        var put = Assert.Single(api.S3.Puts.Skip(before));
        Assert.Null(put.Problem);                                                       // the fake rebuilt the SigV4 signature and it matched
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={FakeS3.AccessKey}/{DateTime.UtcNow:yyyyMMdd}/auto/s3/aws4_request", put.Authorization);
        Assert.Equal(FakeS3.Bucket, put.Bucket);                                        // path-style addressing
        Assert.Equal(key, put.Key);
        Assert.Equal(text, put.Body);
        Assert.StartsWith("text/plain", put.ContentType);
        Assert.DoesNotContain("STREAMING", put.PayloadHash);                            // no chunked signing (R2, MinIO)
        Assert.DoesNotContain(put.Headers.Keys, h => h.StartsWith("x-amz-checksum-") || h == "x-amz-sdk-checksum-algorithm");   // checksums only when required
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.call_transcripts where call_id = $1", callId));   // S3, not the table

        // a multipart .json file keeps its extension and content type
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"turns":[{"role":"agent","text":"hi"}]}"""));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "file", "call.json");
        form.Add(new StringContent(callId + "b"), "call_id");
        form.Add(new StringContent("+13125550142"), "phone");
        var multi = await (await voice.PostAsync(Url, form)).Json();
        Assert.EndsWith($"+13125550142_{callId}b.json", (string)multi["key"]!);
        var jsonPut = api.S3.Puts.Last();
        Assert.Null(jsonPut.Problem);
        Assert.Equal("application/json", jsonPut.ContentType);
    }

    [Fact]
    public void The_fake_refuses_a_signature_made_with_another_secret_or_over_another_body()
    {
        // guards the guard: Verify must not accept anything
        var headers = new Dictionary<string, string>
        {
            ["host"] = "127.0.0.1:9000", ["x-amz-date"] = "20261205T080000Z", ["x-amz-content-sha256"] = "UNSIGNED-PAYLOAD",
            ["authorization"] = $"AWS4-HMAC-SHA256 Credential={FakeS3.AccessKey}/20261205/auto/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=" + new string('0', 64),
        };
        Assert.Equal("the request signature does not match the one calculated", FakeS3.Verify("PUT", "/b/k.txt", headers, []));
        headers["x-amz-content-sha256"] = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
        Assert.NotNull(FakeS3.Verify("PUT", "/b/k.txt", headers, []));
        headers.Remove("authorization");
        Assert.NotNull(FakeS3.Verify("PUT", "/b/k.txt", headers, []));
    }

    [Fact]
    public async Task Errors_400_nothing_given_503_naming_the_missing_setting_502_when_the_store_refuses()
    {
        var voice = await Voice();
        var empty = await voice.PostJson(Url, new { call_id = "conv_x" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var emptyBody = await empty.Json();
        Assert.False((bool)emptyBody["success"]!);
        Assert.NotNull(emptyBody["details"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await voice.PostAsync(Url, new StringContent("", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await voice.PostAsync(Url, new StringContent("{not json", Encoding.UTF8, "application/json"))).StatusCode);
        var txtOnly = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "call.pdf" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await voice.PostAsync(Url, txtOnly)).StatusCode);

        // the store refuses: 502, nothing kept in the table instead
        api.S3.Fail = true;
        try
        {
            var failed = await voice.PostJson(Url, new { transcript = "Agent: hi", call_id = "conv_fail", phone = "+13125550142" });
            Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
            var f = await failed.Json();
            Assert.False((bool)f["success"]!);
            Assert.Equal("Transcript upload failed", (string)f["error"]!);
        }
        finally { api.S3.Fail = false; }
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.call_transcripts where call_id = 'conv_fail'"));

        var config = api.Services.GetRequiredService<IConfiguration>();
        // a wrong secret: the fake's signature check says no, which is a 502 too (and shows the check is real)
        config["Wholesale:Transcripts:S3:SecretAccessKey"] = "not-the-secret";
        try { Assert.Equal(HttpStatusCode.BadGateway, (await voice.PostJson(Url, new { transcript = "Agent: hi", call_id = "conv_badsig" })).StatusCode); }
        finally { config["Wholesale:Transcripts:S3:SecretAccessKey"] = FakeS3.SecretKey; }
        Assert.Contains(api.S3.Puts, p => p.Key.EndsWith("_conv_badsig.txt") && p.Problem is not null);

        // storage chosen but a setting missing: 503 whose detail names it
        config["Wholesale:Transcripts:S3:Bucket"] = "";
        try
        {
            var missing = await voice.PostJson(Url, new { transcript = "Agent: hi", call_id = "conv_503" });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, missing.StatusCode);
            var m = await missing.Json();
            Assert.False((bool)m["success"]!);
            Assert.Contains("Wholesale:Transcripts:S3:Bucket", (string)m["detail"]!);
        }
        finally { config["Wholesale:Transcripts:S3:Bucket"] = FakeS3.Bucket; }
        Assert.Equal(HttpStatusCode.OK, (await voice.PostJson(Url, new { transcript = "Agent: back again", call_id = "conv_ok" })).StatusCode);
    }

    [Theory]
    [InlineData("", null, null)]                                                                   // nothing: the database table
    [InlineData("R2_ACCOUNT_ID=acct1", null, "R2_ACCESS_KEY_ID environment variable is missing")]
    [InlineData("R2_ACCOUNT_ID=acct1;R2_ACCESS_KEY_ID=k;R2_SECRET_ACCESS_KEY=s;R2_BUCKET_NAME=b;R2_PUBLIC_URL=https://pub.test", "https://acct1.r2.cloudflarestorage.com", null)]
    [InlineData("R2_ACCOUNT_ID=acct1;R2_ACCESS_KEY_ID=k;R2_SECRET_ACCESS_KEY=s;R2_BUCKET_NAME=b;R2_PUBLIC_URL=https://pub.test;R2_ENDPOINT_URL=http://127.0.0.1:9000", "http://127.0.0.1:9000", null)]
    [InlineData("Wholesale:Transcripts:S3:ServiceUrl=http://minio:9000", null, "Wholesale:Transcripts:S3:AccessKeyId setting is missing")]
    [InlineData("Wholesale:Transcripts:S3:ServiceUrl=http://minio:9000;Wholesale:Transcripts:S3:AccessKeyId=k;Wholesale:Transcripts:S3:SecretAccessKey=s;Wholesale:Transcripts:S3:Bucket=b", null, "Wholesale:Transcripts:S3:PublicUrl setting is missing")]
    public void Storage_is_chosen_by_whichever_settings_are_present(string settings, string? serviceUrl, string? missing)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Split('=', 2)).Select(kv => new KeyValuePair<string, string?>(kv[0], kv[1]))).Build();
        var (s3, why) = Transcripts.Resolve(config);
        Assert.Equal(serviceUrl, s3?.ServiceUrl);
        Assert.Equal(missing, why);
    }
}
