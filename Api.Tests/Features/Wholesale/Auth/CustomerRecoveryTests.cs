using System.Net;
using Api.Infrastructure.Auth;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.Auth;

/// <summary>Change password, forgot/reset by email, forgot username (debug values exposed on this host).</summary>
public sealed class CustomerRecoveryTests(WsAuthApi api) : IClassFixture<WsAuthApi>
{
    [Fact]
    public async Task Forgot_then_reset_sets_the_password_once_ends_other_sessions_and_mails_a_notice()
    {
        var c = await api.CreateCustomerAsync();
        var session = await api.LoginAsync(c);

        foreach (var route in new[] { "/api/customer/forgot-password", "/api/auth/forgot-password" })
        {
            var (rsp, body) = await api.Raw().PostRead(route, new { identifier = c.Email });
            Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
            Assert.True((bool)body["email_sent"]!);
            Assert.NotNull((string?)body["debug_token"]);
        }
        var (_, last) = await api.Raw().PostRead("/api/customer/forgot-password", new { identifier = c.Username });
        var token = (string)last["debug_token"]!;
        Assert.Equal(1L, await api.Scalar<long>("select count(*) from wholesale.auth_tokens where token_hash = $1 and expires_at between now() + interval '59 minutes' and now() + interval '61 minutes'",
            WholesaleAuth.HashToken(token)));
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.auth_tokens where token_hash = $1::bytea", System.Text.Encoding.UTF8.GetBytes(token)));
        await api.DrainAsync();
        Assert.Equal(3L, await api.MailCount(c.Email, "wholesale.reset_password"));
        Assert.Contains(token, await api.LastMailBody(c.Email, "wholesale.reset_password"));

        var (reset, resetBody) = await api.Raw().PostRead("/api/auth/reset-password", new { token, password = "brand-new-1" });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.NotNull(resetBody["message"]);

        var (again, againBody) = await api.Raw().PostRead("/api/auth/reset-password", new { token, password = "brand-new-2" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.False((bool)againBody["success"]!);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.WithCookie(session).GetAsync($"{AuthKit.B}/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Raw().Post("/api/login", new { username = c.Username, password = c.Password })).StatusCode);
        await api.LoginAsync(c, "brand-new-1");
        await api.DrainAsync();
        Assert.Equal(1L, await api.MailCount(c.Email, "wholesale.password_changed"));
    }

    [Fact]
    public async Task An_earlier_or_expired_reset_token_no_longer_works()
    {
        var c = await api.CreateCustomerAsync();
        var (_, first) = await api.Raw().PostRead("/api/customer/forgot-password", new { identifier = c.Username });
        var (_, second) = await api.Raw().PostRead("/api/customer/forgot-password", new { identifier = c.Username });
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Raw().Post("/api/auth/reset-password", new { token = (string)first["debug_token"]!, password = "brand-new-1" })).StatusCode);

        await api.Exec("update wholesale.auth_tokens set expires_at = now() - interval '1 second' where token_hash = $1", WholesaleAuth.HashToken((string)second["debug_token"]!));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Raw().Post("/api/auth/reset-password", new { token = (string)second["debug_token"]!, password = "brand-new-1" })).StatusCode);
        await api.LoginAsync(c);
    }

    [Fact]
    public async Task Reset_validates_the_password_length()
    {
        var (rsp, body) = await api.Raw().PostRead("/api/auth/reset-password", new { token = "x", password = "12345" });
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        Assert.NotNull(body["details"]!["password"]);
    }

    [Fact]
    public async Task Reset_by_email_also_verifies_the_address()
    {
        var c = await api.CreateCustomerAsync(verified: false);
        var (_, body) = await api.Raw().PostRead("/api/customer/forgot-password", new { identifier = c.Email });
        Assert.Equal(HttpStatusCode.OK, (await api.Raw().Post("/api/auth/reset-password", new { token = (string)body["debug_token"]!, password = "brand-new-1" })).StatusCode);
        await api.LoginAsync(c, "brand-new-1");
    }

    [Fact]
    public async Task Forgot_username_mails_the_username()
    {
        var c = await api.CreateCustomerAsync();
        foreach (var route in new[] { "/api/customer/forgot-username", "/api/auth/forgot-username" })
        {
            var (rsp, body) = await api.Raw().PostRead(route, new { email = c.Email.ToUpperInvariant() });
            Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
            Assert.True((bool)body["email_sent"]!);
        }
        await api.DrainAsync();
        Assert.Equal(2L, await api.MailCount(c.Email, "wholesale.forgot_username"));
        Assert.Contains(c.Username, await api.LastMailBody(c.Email, "wholesale.forgot_username"));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Raw().Post("/api/customer/forgot-username", new { email = "" })).StatusCode);
    }

    [Fact]
    public async Task Change_password_checks_the_current_one_keeps_this_session_and_ends_the_others()
    {
        var c = await api.CreateCustomerAsync();
        var mine = await api.LoginAsync(c);
        var other = await api.LoginAsync(c);

        var (wrong, wrongBody) = await api.WithCookie(mine).PostRead("/api/auth/change-password", new { current_password = "nope-nope", new_password = "brand-new-1" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.False((bool)wrongBody["success"]!);
        var (shortPw, _) = await api.WithCookie(mine).PostRead("/api/auth/change-password", new { current_password = c.Password, new_password = "12345" });
        Assert.Equal(HttpStatusCode.BadRequest, shortPw.StatusCode);

        var (ok, okBody) = await api.WithCookie(mine).PostRead("/api/auth/change-password", new { current_password = c.Password, new_password = "brand-new-1" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.NotNull(okBody["message"]);
        Assert.Equal(HttpStatusCode.OK, (await api.WithCookie(mine).GetAsync($"{AuthKit.B}/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.WithCookie(other).GetAsync($"{AuthKit.B}/api/me")).StatusCode);
        await api.LoginAsync(c, "brand-new-1");
        await api.DrainAsync();
        Assert.Equal(1L, await api.MailCount(c.Email, "wholesale.password_changed"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Raw().Post("/api/auth/change-password", new { current_password = "a", new_password = "bbbbbbb" })).StatusCode);
    }
}
