using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Api.Tests.Features.Wholesale.Utilities;

/// <summary>Twilio's Messages endpoint on 127.0.0.1, driven through the real Twilio client.</summary>
public sealed class FakeTwilio
{
    public const string AccountSid = "AC00000000000000000000000000000001";
    public const string AuthToken = "fake-twilio-auth-token-0123456789";
    public string Url { get; }
    public ConcurrentQueue<(string Path, string? Authorization, Dictionary<string, string> Form, string Sid)> Messages { get; } = new();

    public FakeTwilio()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/2010-04-01/Accounts/{account}/Messages.json", async (HttpContext ctx, string account) =>
        {
            var form = (await ctx.Request.ReadFormAsync()).ToDictionary(k => k.Key, k => k.Value.ToString());
            var sid = "SM" + Guid.NewGuid().ToString("N");
            Messages.Enqueue((ctx.Request.Path, ctx.Request.Headers.Authorization.ToString(), form, sid));
            return Results.Json(new
            {
                sid, account_sid = account, to = form.GetValueOrDefault("To"), from = form.GetValueOrDefault("From"),
                body = form.GetValueOrDefault("Body"), status = "queued", num_segments = "1", direction = "outbound-api",
                api_version = "2010-04-01", uri = $"/2010-04-01/Accounts/{account}/Messages/{sid}.json",
            }, statusCode: 201);
        });
        app.StartAsync().GetAwaiter().GetResult();
        Url = app.Urls.First();
    }

    /// <summary>X-Twilio-Signature as Twilio computes it: base64 HMAC-SHA1 of the URL followed by each form key and value, keys sorted.</summary>
    public static string Sign(string url, IDictionary<string, string> form, string token = AuthToken)
    {
        var data = new StringBuilder(url);
        foreach (var key in form.Keys.OrderBy(k => k, StringComparer.Ordinal)) data.Append(key).Append(form[key]);
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(data.ToString())));
    }
}

/// <summary>An OpenAI-compatible chat/completions endpoint on 127.0.0.1: vision requests get <see cref="VisionAnswer"/>, others <see cref="ChatAnswer"/>.</summary>
public sealed class FakeOpenAi
{
    public string Url { get; }
    public string ChatAnswer { get; set; } = "Happy to help.";
    public string VisionAnswer { get; set; } = "{}";
    public ConcurrentQueue<JsonNode> Requests { get; } = new();

    public FakeOpenAi()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", async (HttpContext ctx) =>
        {
            var body = JsonNode.Parse(await new StreamReader(ctx.Request.Body).ReadToEndAsync())!;
            Requests.Enqueue(body);
            var vision = body.ToJsonString().Contains("image_url");
            return Results.Json(new { choices = new[] { new { message = new { role = "assistant", content = vision ? VisionAnswer : ChatAnswer } } } });
        });
        app.StartAsync().GetAwaiter().GetResult();
        Url = app.Urls.First() + "/v1";
    }
}
