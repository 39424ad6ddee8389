using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.Auth;

/// <summary>Register, verify-email, login (cookie), me, logout, resend-verification.</summary>
public sealed class CustomerSignInTests(WsAuthApi api) : IClassFixture<WsAuthApi>
{
    object NewRegistration(string? phone = null)
    {
        var u = WsKit.Unique("reg_");
        return new { username = u, email = u + "@example.test", company_name = "Bistro One", phone, business_type = "restaurant", password = "secret-12" };
    }

    [Fact]
    public async Task Register_creates_an_unverified_account_and_mails_a_link_that_verifies_it()
    {
        var u = WsKit.Unique("reg_");
        var email = u + "@example.test";
        var (rsp, body) = await api.Raw().PostRead("/api/register", new { username = u, email, company_name = "Bistro One", phone = "(312) 555-0101", password = "secret-12" });
        Assert.Equal(HttpStatusCode.Created, rsp.StatusCode);
        Assert.True((bool)body["email_verification_required"]!);
        Assert.Equal(u, (string)body["user"]!["username"]!);
        Assert.Equal("+13125550101", (string)body["user"]!["phone"]!);
        Assert.False((bool)body["user"]!["email_verified"]!);
        Assert.StartsWith("pbkdf2-sha256$", await api.Scalar<string>("select password_hash from wholesale.customers where username = $1", u));

        // signing in before verifying: refused only after a correct password
        var (wrong, wrongBody) = await api.Raw().PostRead("/api/login", new { username = u, password = "not-it-123" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Null(wrongBody["details"]);
        var (unverified, unverifiedBody) = await api.Raw().PostRead("/api/login", new { username = u, password = "secret-12" });
        Assert.Equal(HttpStatusCode.Forbidden, unverified.StatusCode);
        Assert.False((bool)unverifiedBody["success"]!);
        Assert.True((bool)unverifiedBody["details"]!["email_verification_required"]!);
        Assert.Null(unverified.SessionCookie().Value);

        await api.DrainAsync();
        var mail = await api.LastMailBody(email, "wholesale.verify_email");
        var link = System.Text.RegularExpressions.Regex.Match(mail!, @"http\S+/wholesale/api/auth/verify-email/(\S+)");
        Assert.True(link.Success, mail);
        var token = link.Groups[1].Value;

        var verify = await api.Raw().GetAsync($"{AuthKit.B}/api/auth/verify-email/{token}");
        Assert.Equal(HttpStatusCode.Redirect, verify.StatusCode);
        Assert.Equal("https://shop.lld.test?email_verified=success", verify.Headers.Location!.OriginalString);
        // single use
        var again = await api.Raw().GetAsync($"{AuthKit.B}/api/auth/verify-email/{token}");
        Assert.Equal("https://shop.lld.test?email_verified=invalid", again.Headers.Location!.OriginalString);

        var ok = await api.Raw().Post("/api/login", new { username = u, password = "secret-12" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Verify_email_redirects_only_to_the_frontend_for_unknown_and_expired_tokens()
    {
        var unknown = await api.Raw().GetAsync($"{AuthKit.B}/api/auth/verify-email/not-a-real-token");
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        Assert.Equal("https://shop.lld.test?email_verified=invalid", unknown.Headers.Location!.OriginalString);

        var c = await api.CreateCustomerAsync(verified: false);
        var token = Api.Infrastructure.Auth.WholesaleAuth.NewToken();
        await api.Exec("""
            insert into wholesale.auth_tokens (subject_kind, subject_id, purpose, token_hash, expires_at)
            values ('customer', $1, 'verify_email', $2, now() - interval '1 minute')
            """, c.Id, Api.Infrastructure.Auth.WholesaleAuth.HashToken(token));
        var expired = await api.Raw().GetAsync($"{AuthKit.B}/api/auth/verify-email/{token}");
        Assert.Equal("https://shop.lld.test?email_verified=expired", expired.Headers.Location!.OriginalString);
        Assert.False(await api.Scalar<bool>("select email_verified from wholesale.customers where id = $1", c.Id));
    }

    [Fact]
    public async Task Register_refuses_duplicates_naming_the_field()
    {
        var existing = await api.CreateCustomerAsync(phone: "+13125550199");
        var (rsp, body) = await api.Raw().PostRead("/api/register", new { username = existing.Username.ToUpperInvariant(), email = "other@example.test", password = "secret-12" });
        Assert.Equal(HttpStatusCode.Conflict, rsp.StatusCode);
        Assert.Equal("username", (string)body["details"]!["duplicate_field"]!);
        Assert.NotNull(body["details"]!["hint"]);

        (rsp, body) = await api.Raw().PostRead("/api/register", new { username = WsKit.Unique("reg_"), email = existing.Email, password = "secret-12" });
        Assert.Equal("email", (string)body["details"]!["duplicate_field"]!);

        (rsp, body) = await api.Raw().PostRead("/api/register", new { username = WsKit.Unique("reg_"), email = WsKit.Unique("e") + "@x.test", phone = "312-555-0199", password = "secret-12" });
        Assert.Equal(HttpStatusCode.Conflict, rsp.StatusCode);
        Assert.Equal("phone", (string)body["details"]!["duplicate_field"]!);
    }

    [Fact]
    public async Task Register_validates_fields()
    {
        var (rsp, body) = await api.Raw().PostRead("/api/register", new { username = "ab", email = "nope", phone = "12", password = "123" });
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        Assert.False((bool)body["success"]!);
        var details = body["details"]!.AsObject();
        Assert.Contains("username", details.Select(kv => kv.Key));
        Assert.Contains("password", details.Select(kv => kv.Key));
        Assert.Contains("email", details.Select(kv => kv.Key));
        Assert.Contains("phone", details.Select(kv => kv.Key));
    }

    [Fact]
    public async Task Login_sets_an_httponly_lax_cookie_whose_hash_is_stored_and_me_reads_it()
    {
        var c = await api.CreateCustomerAsync();
        var rsp = await api.Raw().Post("/api/login", new { username = c.Username, password = c.Password });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.Equal(c.Email, (string)body["user"]!["email"]!);
        Assert.NotNull(body["message"]);
        var (value, line) = rsp.SessionCookie();
        Assert.NotNull(value);
        Assert.Contains("httponly", line!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", line!, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(value!, body.ToJsonString());
        Assert.Equal(1L, await api.Scalar<long>("select count(*) from wholesale.customer_sessions where token_hash = $1 and customer_id = $2 and expires_at > now() + interval '29 days'",
            Api.Infrastructure.Auth.WholesaleAuth.HashToken(value!), c.Id));

        var me = await api.WithCookie(value!).GetAsync($"{AuthKit.B}/api/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(c.Username, (string)(await me.Json())["user"]!["username"]!);

        // by email too
        var byEmail = await api.Raw().Post("/api/login", new { username = c.Email, password = c.Password });
        Assert.Equal(HttpStatusCode.OK, byEmail.StatusCode);
    }

    [Fact]
    public async Task Login_refuses_wrong_passwords_and_unknown_users_alike()
    {
        var c = await api.CreateCustomerAsync();
        var (a, aBody) = await api.Raw().PostRead("/api/login", new { username = c.Username, password = "wrong-pass" });
        var (b, bBody) = await api.Raw().PostRead("/api/login", new { username = WsKit.Unique("ghost_"), password = "wrong-pass" });
        Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, b.StatusCode);
        Assert.Equal(aBody.ToJsonString(), bBody.ToJsonString());

        var (v, vBody) = await api.Raw().PostRead("/api/login", new { username = "", password = "" });
        Assert.Equal(HttpStatusCode.BadRequest, v.StatusCode);
        Assert.NotNull(vBody["details"]!["username"]);
    }

    [Fact]
    public async Task Cookie_writes_from_a_foreign_origin_are_refused()
    {
        var c = await api.CreateCustomerAsync();
        var client = api.Raw();
        client.DefaultRequestHeaders.Add("Origin", "https://evil.example");
        var (rsp, body) = await client.PostRead("/api/login", new { username = c.Username, password = c.Password });
        Assert.Equal(HttpStatusCode.Forbidden, rsp.StatusCode);
        Assert.False((bool)body["success"]!);
        Assert.Null(rsp.SessionCookie().Value);

        var listed = api.Raw();
        listed.DefaultRequestHeaders.Add("Origin", "http://localhost:3000");
        Assert.Equal(HttpStatusCode.OK, (await listed.Post("/api/login", new { username = c.Username, password = c.Password })).StatusCode);

        var session = await api.LoginAsync(c);
        var logout = api.WithCookie(session);
        logout.DefaultRequestHeaders.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await logout.PostAsync($"{AuthKit.B}/api/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.WithCookie(session).GetAsync($"{AuthKit.B}/api/me")).StatusCode);
    }

    [Fact]
    public async Task Logout_ends_the_session_and_clears_the_cookie()
    {
        var c = await api.CreateCustomerAsync();
        var session = await api.LoginAsync(c);
        var rsp = await api.WithCookie(session).PostAsync($"{AuthKit.B}/api/logout", null);
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        Assert.NotNull((await rsp.Json())["message"]);
        Assert.Equal("", rsp.SessionCookie().Value);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.WithCookie(session).GetAsync($"{AuthKit.B}/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Raw().PostAsync($"{AuthKit.B}/api/logout", null)).StatusCode);
    }

    [Fact]
    public async Task Me_requires_a_session()
    {
        var rsp = await api.Raw().GetAsync($"{AuthKit.B}/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, rsp.StatusCode);
        Assert.False((bool)(await rsp.Json())["success"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.WithCookie(Api.Infrastructure.Auth.WholesaleAuth.NewToken()).GetAsync($"{AuthKit.B}/api/me")).StatusCode);
    }

    [Fact]
    public async Task Resend_verification_mails_a_new_link_and_refuses_when_already_verified()
    {
        var c = await api.CreateCustomerAsync(verified: false);
        var client = await api.CustomerClientAsync(c);
        var rsp = await client.PostAsync($"{AuthKit.B}/api/auth/resend-verification", null);
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.False((bool)body["email_sent"]!);   // no SMTP server in tests: stored in the outbox
        Assert.Equal(1L, await api.MailCount(c.Email, "wholesale.verify_email"));

        var verified = await api.CreateCustomerAsync();
        var (r2, b2) = (await (await api.CustomerClientAsync(verified)).PostAsync($"{AuthKit.B}/api/auth/resend-verification", null), 0);
        Assert.Equal(HttpStatusCode.BadRequest, r2.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Raw().PostAsync($"{AuthKit.B}/api/auth/resend-verification", null)).StatusCode);
    }
}
