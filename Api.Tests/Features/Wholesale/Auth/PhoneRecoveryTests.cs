using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.Auth;

/// <summary>Phone codes: send (3 per 15 minutes), verify (5 tries), lookup-username and reset with a single-use phone session token.</summary>
public sealed class PhoneRecoveryTests(WsAuthApi api) : IClassFixture<WsAuthApi>
{
    static int _n;
    static string NewPhone() => $"+1312{Random.Shared.Next(200, 999)}{Interlocked.Increment(ref _n) % 10000:D4}";

    async Task<string> SendAsync(string phone)
    {
        var (rsp, body) = await api.Raw().PostRead("/api/auth/phone/send-code", new { phone });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        Assert.True((bool)body["sms_sent"]!);
        return (string)body["debug_otp"]!;
    }

    async Task<string> VerifyAsync(string phone, string code)
    {
        var (rsp, body) = await api.Raw().PostRead("/api/auth/phone/verify-code", new { phone, code });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        return (string)body["phone_session_token"]!;
    }

    [Fact]
    public async Task A_code_texted_to_the_account_phone_gives_a_single_use_token_for_the_masked_username()
    {
        var phone = NewPhone();
        var c = await api.CreateCustomerAsync(phone: phone);
        var code = await SendAsync(phone[2..]);   // ten digits: the same number
        Assert.Matches("^[0-9]{6}$", code);
        await api.DrainAsync();
        var sms = await api.Scalar<string>("select body from wholesale.sms_messages where to_phone = $1 and status = 'outbox' and purpose = 'password_recovery'", phone);
        Assert.Contains(code, sms);
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.phone_codes where phone = $1 and code_hash = $2::bytea", phone, System.Text.Encoding.UTF8.GetBytes(code)));

        var token = await VerifyAsync(phone, code);
        var (rsp, body) = await api.Raw().PostRead("/api/auth/phone/lookup-username", new { phone_session_token = token });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var masked = (string)body["username"]!;
        Assert.NotEqual(c.Username, masked);
        Assert.Equal(c.Username.Length, masked.Length);
        Assert.StartsWith(c.Username[..2], masked);
        Assert.Contains('*', masked);

        // consumed: neither lookup nor reset takes it again
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Raw().Post("/api/auth/phone/lookup-username", new { phone_session_token = token })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Raw().Post("/api/auth/phone/reset-password", new { phone_session_token = token, password = "brand-new-1" })).StatusCode);
        // and the code itself is used up
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Raw().Post("/api/auth/phone/verify-code", new { phone, code })).StatusCode);
    }

    [Fact]
    public async Task Phone_reset_sets_the_password_once_and_ends_sessions()
    {
        var phone = NewPhone();
        var c = await api.CreateCustomerAsync(phone: phone);
        var session = await api.LoginAsync(c);
        var token = await VerifyAsync(phone, await SendAsync(phone));

        var (short_, _) = await api.Raw().PostRead("/api/auth/phone/reset-password", new { phone_session_token = token, password = "123" });
        Assert.Equal(HttpStatusCode.BadRequest, short_.StatusCode);
        var (rsp, body) = await api.Raw().PostRead("/api/auth/phone/reset-password", new { phone_session_token = token, password = "brand-new-1" });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        Assert.NotNull(body["message"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Raw().Post("/api/auth/phone/reset-password", new { phone_session_token = token, password = "brand-new-2" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.WithCookie(session).GetAsync($"{AuthKit.B}/api/me")).StatusCode);
        await api.LoginAsync(c, "brand-new-1");
    }

    [Fact]
    public async Task Five_wrong_tries_lock_the_code_even_for_the_right_digits()
    {
        var phone = NewPhone();
        await api.CreateCustomerAsync(phone: phone);
        var code = await SendAsync(phone);
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++)
        {
            var (rsp, body) = await api.Raw().PostRead("/api/auth/phone/verify-code", new { phone, code = wrong });
            Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
            Assert.False((bool)body["success"]!);
        }
        var (locked, lockedBody) = await api.Raw().PostRead("/api/auth/phone/verify-code", new { phone, code });
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Null(lockedBody["phone_session_token"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Raw().Post("/api/auth/phone/verify-code", new { phone, code })).StatusCode);

        // a fresh code works again
        await VerifyAsync(phone, await SendAsync(phone));
    }

    [Fact]
    public async Task Three_sends_per_phone_per_fifteen_minutes_then_429_for_known_and_unknown_numbers_alike()
    {
        var known = NewPhone();
        await api.CreateCustomerAsync(phone: known);
        foreach (var phone in new[] { known, NewPhone() })
        {
            for (var i = 0; i < 3; i++) await SendAsync(phone);
            var (rsp, body) = await api.Raw().PostRead("/api/auth/phone/send-code", new { phone });
            Assert.Equal(HttpStatusCode.TooManyRequests, rsp.StatusCode);
            Assert.False((bool)body["success"]!);
            Assert.True(rsp.Headers.RetryAfter is not null);
        }
    }

    [Fact]
    public async Task An_expired_code_is_refused_and_only_the_newest_code_counts()
    {
        var phone = NewPhone();
        await api.CreateCustomerAsync(phone: phone);
        var first = await SendAsync(phone);
        var second = await SendAsync(phone);
        if (first != second)
            Assert.Equal(HttpStatusCode.BadRequest, (await api.Raw().Post("/api/auth/phone/verify-code", new { phone, code = first })).StatusCode);
        await api.Exec("update wholesale.phone_codes set expires_at = now() - interval '1 second' where phone = $1", phone);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Raw().Post("/api/auth/phone/verify-code", new { phone, code = second })).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_a_400()
    {
        var (rsp, body) = await api.Raw().PostRead("/api/auth/phone/send-code", new { phone = "call me" });
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        Assert.NotNull(body["details"]!["phone"]);
        (rsp, body) = await api.Raw().PostRead("/api/auth/phone/verify-code", new { phone = "+13125550100", code = "12ab" });
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        Assert.NotNull(body["details"]!["code"]);
    }
}
