using System.Net;
using Api.Features.Wholesale;
using Api.Features.Wholesale.Common;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Api.Tests.Features.Wholesale.Auth;

/// <summary>Recovery answers look the same whether or not an account matches, and debug values stay hidden by default.</summary>
public sealed class RecoveryAnswersTests(WsQuietAuthApi api) : IClassFixture<WsQuietAuthApi>
{
    async Task AssertAlike(string route, object existing, object missing)
    {
        var (a, aBody) = await api.Raw().PostRead(route, existing);
        var (b, bBody) = await api.Raw().PostRead(route, missing);
        Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        Assert.Equal(a.StatusCode, b.StatusCode);
        Assert.Equal(aBody.ToJsonString(), bBody.ToJsonString());
        foreach (var debug in new[] { "debug_token", "debug_username", "debug_otp" })
            if (aBody.AsObject().ContainsKey(debug)) Assert.Null(aBody[debug]);
    }

    [Fact]
    public async Task Every_forgot_endpoint_answers_alike_for_existing_and_missing_accounts()
    {
        var c = await api.CreateCustomerAsync();
        var s = await api.CreateStaffAsync();
        foreach (var route in new[] { "/api/customer/forgot-password", "/api/auth/forgot-password" })
        {
            await AssertAlike(route, new { identifier = c.Username }, new { identifier = WsKit.Unique("ghost_") });
            await AssertAlike(route, new { identifier = c.Email }, new { identifier = WsKit.Unique("ghost_") + "@example.test" });
        }
        foreach (var route in new[] { "/api/customer/forgot-username", "/api/auth/forgot-username" })
            await AssertAlike(route, new { email = c.Email }, new { email = WsKit.Unique("ghost_") + "@example.test" });
        await AssertAlike("/api/staff/forgot-password", new { identifier = s.Username }, new { identifier = WsKit.Unique("ghost_") });
        await AssertAlike("/api/staff/forgot-username", new { email = s.Username + "@staff.test" }, new { email = WsKit.Unique("ghost_") + "@staff.test" });

        // the real account got its mails, after the answers
        await api.DrainAsync();
        Assert.Equal(4L, await api.MailCount(c.Email, "wholesale.reset_password"));
        Assert.Equal(2L, await api.MailCount(c.Email, "wholesale.forgot_username"));
    }

    [Fact]
    public async Task Send_code_answers_alike_for_known_and_unknown_numbers_but_texts_only_the_known()
    {
        var known = "+1773555" + Random.Shared.Next(1000, 9999);
        var unknown = "+1708555" + Random.Shared.Next(1000, 9999);
        await api.CreateCustomerAsync(phone: known);
        await AssertAlike("/api/auth/phone/send-code", new { phone = known }, new { phone = unknown });
        await api.DrainAsync();
        Assert.Equal(1L, await api.Scalar<long>("select count(*) from wholesale.sms_messages where to_phone = $1", known));
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.sms_messages where to_phone = $1", unknown));
        // both numbers got a stored (hashed) code and count toward the send limit alike
        Assert.Equal(1L, await api.Scalar<long>("select count(*) from wholesale.phone_codes where phone = $1", unknown));
    }

    sealed class Env(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Api";
        public string ContentRootPath { get; set; } = ".";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    [Fact]
    public void Debug_values_are_never_exposed_in_production()
    {
        var on = new WholesaleOptions { Auth = new() { ExposeDebugValues = true } };
        Assert.False(RecoveryDebug.Allowed(on, new Env("Production")));   // start-up refuses this configuration
        Assert.True(RecoveryDebug.Allowed(on, new Env("Development")));
        Assert.False(new RecoveryDebug(Options.Create(on), new Env("Production")).Expose);
        Assert.True(new RecoveryDebug(Options.Create(on), new Env("Development")).Expose);
        Assert.False(new RecoveryDebug(Options.Create(new WholesaleOptions()), new Env("Development")).Expose);
    }
}

/// <summary>The documented 10 per minute on sign-in and recovery, answered in the envelope.</summary>
public sealed class SignInRateLimitTests(WsTightAuthApi api) : IClassFixture<WsTightAuthApi>
{
    [Fact]
    public async Task The_eleventh_sign_in_within_a_minute_gets_429_in_the_envelope()
    {
        var client = api.Raw();
        HttpResponseMessage? last = null;
        var statuses = new List<string>();
        // 10 per fixed one-minute window: within 21 quick requests some answer is a 429 even if a window boundary falls inside
        for (var i = 0; i < 21 && last?.StatusCode != HttpStatusCode.TooManyRequests; i++)
        {
            last = await client.Post("/api/login", new { username = WsKit.Unique("ghost_"), password = "whatever-1" });
            statuses.Add($"{(int)last.StatusCode}:{string.Join(",", last.Headers.TryGetValues("X-RateLimit-Remaining", out var v) ? v : [])}");
        }
        Assert.True(last!.StatusCode == HttpStatusCode.TooManyRequests, string.Join(" ", statuses));
        var body = await last!.Json();
        Assert.False((bool)body["success"]!);
        Assert.NotNull((string?)body["error"]);
        Assert.NotNull(last.Headers.RetryAfter);
        Assert.Equal("10", last.Headers.GetValues("X-RateLimit-Limit").Single());
    }

    [Fact]
    public async Task Random_api_key_headers_do_not_open_fresh_windows()
    {
        HttpResponseMessage? last = null;
        for (var i = 0; i < 21 && last?.StatusCode != HttpStatusCode.TooManyRequests; i++)
        {
            var client = api.Raw();
            client.DefaultRequestHeaders.Add("X-API-Key", Guid.NewGuid().ToString());
            last = await client.Post("/api/staff/forgot-password", new { identifier = WsKit.Unique("ghost_") });
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
    }
}
