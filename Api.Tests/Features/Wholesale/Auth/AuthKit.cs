using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Api.Features.Wholesale.Common;
using Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Features.Wholesale.Auth;

/// <summary>Sign-in tests' host: generous sign-in limits (tests sign in often from one address) and debug values shown.</summary>
public sealed class WsAuthApi : ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:wholesale_signin:PermitLimit"] = "100000",
        ["Wholesale:Auth:ExposeDebugValues"] = "true",
        ["Wholesale:FrontendUrl"] = "https://shop.lld.test",
        // the browser allow-list (the platform's per-module CORS; its localhost defaults apply in Development only)
        ["Modules:wholesale:Cors:AllowedOrigins:0"] = "http://localhost:*",
    };
}

/// <summary>As production would answer: debug values hidden.</summary>
public sealed class WsQuietAuthApi : ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:wholesale_signin:PermitLimit"] = "100000",
    };
}

/// <summary>The documented sign-in limit (10 per minute).</summary>
public sealed class WsTightAuthApi : ApiFactory;

static class AuthKit
{
    public const string B = WsKit.Base;
    static readonly JsonSerializerOptions Snake = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>A client that keeps no cookie jar: tests read Set-Cookie and send Cookie themselves.</summary>
    public static HttpClient Raw(this ApiFactory api) => api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

    public static Task<HttpResponseMessage> Post(this HttpClient c, string path, object body) => c.PostAsJsonAsync(B + path, body, Snake);

    public static async Task<(HttpResponseMessage Rsp, JsonNode Body)> PostRead(this HttpClient c, string path, object body)
    {
        var rsp = await c.Post(path, body);
        var text = await rsp.Content.ReadAsStringAsync();
        return (rsp, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!);
    }

    /// <summary>The value of the <c>session</c> cookie a response set, and its whole Set-Cookie line.</summary>
    public static (string? Value, string? Line) SessionCookie(this HttpResponseMessage rsp)
    {
        if (!rsp.Headers.TryGetValues("Set-Cookie", out var lines)) return (null, null);
        var line = lines.FirstOrDefault(l => l.StartsWith("session=", StringComparison.Ordinal));
        return line is null ? (null, null) : (line["session=".Length..line.IndexOf(';')], line);
    }

    public static HttpClient WithCookie(this ApiFactory api, string value)
    {
        var c = api.Raw();
        c.DefaultRequestHeaders.Add("Cookie", "session=" + value);
        return c;
    }

    public static HttpClient WithBearer(this ApiFactory api, string token)
    {
        var c = api.Raw();
        c.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return c;
    }

    /// <summary>Signs a customer in through /api/login and answers the session cookie's value.</summary>
    public static async Task<string> LoginAsync(this ApiFactory api, WsKit.Customer c, string? password = null)
    {
        var rsp = await api.Raw().Post("/api/login", new { username = c.Username, password = password ?? c.Password });
        Assert.Equal(System.Net.HttpStatusCode.OK, rsp.StatusCode);
        return rsp.SessionCookie().Value!;
    }

    /// <summary>Waits until mails and texts queued after answers have been handed over.</summary>
    public static async Task DrainAsync(this ApiFactory api)
    {
        var q = api.Services.GetRequiredService<AfterResponse>();
        for (var i = 0; i < 200 && q.Pending > 0; i++) await Task.Delay(25);
        Assert.Equal(0, q.Pending);
    }

    public static async Task<long> MailCount(this ApiFactory api, string to, string? category = null) =>
        await api.Scalar<long>("select count(*) from platform.mail_outbox where to_address = $1 and ($2::text is null or category = $2)", to, category);

    public static async Task<string?> LastMailBody(this ApiFactory api, string to, string category) =>
        await api.Scalar<string?>("select body_text from platform.mail_outbox where to_address = $1 and category = $2 order by id desc limit 1", to, category);

    /// <summary>Everything but <paramref name="skip"/> of a JSON object, for comparing answers.</summary>
    public static string Without(this JsonNode body, params string[] skip)
    {
        var o = body.AsObject().DeepClone().AsObject();
        foreach (var k in skip) o.Remove(k);
        return o.ToJsonString();
    }
}
