using System.Net;
using System.Text;
using Api.Infrastructure.Auth;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Api.Tests.Features.Wholesale.Auth;

/// <summary>Staff and shipping-portal sign-in, logout, me, deactivation, forged claims, staff recovery.</summary>
public sealed class StaffSignInTests(WsAuthApi api) : IClassFixture<WsAuthApi>
{
    async Task<(string Token, string? Cookie)> LoginAsync(WsKit.Staff s, string route = "/api/staff/login", string? password = null)
    {
        var rsp = await api.Raw().Post(route, new { username = s.Username, password = password ?? s.Password });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        return ((string)body["token"]!, rsp.SessionCookie().Value);
    }

    [Fact]
    public async Task Staff_login_answers_a_jwt_sets_it_as_the_cookie_and_stores_its_jti()
    {
        var s = await api.CreateStaffAsync("manager");
        var rsp = await api.Raw().Post("/api/staff/login", new { username = s.Username, password = s.Password });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.True((bool)body["success"]!);
        Assert.Equal(s.Id, (long)body["staff"]!["id"]!);
        Assert.Equal("manager", (string)body["staff"]!["role"]!);
        Assert.NotNull(body["staff"]!["email"]);
        var token = (string)body["token"]!;
        var (cookie, line) = rsp.SessionCookie();
        Assert.Equal(token, cookie);
        Assert.Contains("httponly", line!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", line!, StringComparison.OrdinalIgnoreCase);

        var jwt = new JsonWebToken(token);
        Assert.Equal(s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), jwt.Subject);
        Assert.InRange(jwt.ValidTo, DateTime.UtcNow.AddHours(11.9), DateTime.UtcNow.AddHours(12.1));
        Assert.Equal("HS256", jwt.Alg);
        Assert.Equal("staff", await api.Scalar<string>("select portal from wholesale.staff_tokens where jti = $1", Guid.Parse(jwt.Id)));

        var me = await api.WithBearer(token).GetAsync($"{AuthKit.B}/api/staff/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(s.Username, (string)(await me.Json())["staff"]!["username"]!);
        Assert.Equal(HttpStatusCode.OK, (await api.WithCookie(token).GetAsync($"{AuthKit.B}/api/staff/me")).StatusCode);
    }

    [Fact]
    public async Task Shipping_login_and_me_use_the_same_tokens_with_the_shipping_portal()
    {
        var s = await api.CreateStaffAsync("staff");
        var rsp = await api.Raw().Post("/api/shipping/login", new { username = s.Username, password = s.Password });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.True((bool)body["success"]!);
        Assert.True((bool)body["staff"]!["is_active"]!);
        Assert.Equal("staff", (string)body["staff"]!["role"]!);
        var token = (string)body["token"]!;
        Assert.Equal("shipping", await api.Scalar<string>("select portal from wholesale.staff_tokens where jti = $1", Guid.Parse(new JsonWebToken(token).Id)));

        var me = await api.WithBearer(token).GetAsync($"{AuthKit.B}/api/shipping/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var meBody = await me.Json();
        Assert.Equal(s.Id, (long)meBody["id"]!);
        Assert.Equal(s.Username, (string)meBody["username"]!);
        Assert.True((bool)meBody["is_active"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Raw().GetAsync($"{AuthKit.B}/api/shipping/me")).StatusCode);

        var logout = await api.WithBearer(token).PostAsync($"{AuthKit.B}/api/shipping/logout", null);
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.WithBearer(token).GetAsync($"{AuthKit.B}/api/shipping/me")).StatusCode);
    }

    [Fact]
    public async Task Wrong_passwords_and_unknown_users_get_the_same_401_and_a_deactivated_account_a_403_only_with_the_right_password()
    {
        var s = await api.CreateStaffAsync();
        var (a, aBody) = await api.Raw().PostRead("/api/staff/login", new { username = s.Username, password = "wrong-pass" });
        var (b, bBody) = await api.Raw().PostRead("/api/staff/login", new { username = WsKit.Unique("ghost_"), password = "wrong-pass" });
        Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode);
        Assert.Equal(aBody.ToJsonString(), bBody.ToJsonString());

        var off = await api.CreateStaffAsync(active: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Raw().Post("/api/staff/login", new { username = off.Username, password = "wrong-pass" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Raw().Post("/api/staff/login", new { username = off.Username, password = off.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Raw().Post("/api/staff/login", new { username = "" })).StatusCode);
    }

    [Fact]
    public async Task Logout_is_public_revokes_the_presented_token_and_clears_the_cookie()
    {
        var s = await api.CreateStaffAsync();
        var (token, _) = await LoginAsync(s);
        var (other, _) = await LoginAsync(s);

        var rsp = await api.WithCookie(token).PostAsync($"{AuthKit.B}/api/staff/logout", null);
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        Assert.True((bool)(await rsp.Json())["success"]!);
        Assert.Equal("", rsp.SessionCookie().Value);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.WithBearer(token).GetAsync($"{AuthKit.B}/api/staff/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.WithBearer(other).GetAsync($"{AuthKit.B}/api/staff/me")).StatusCode);

        // without a token, or with garbage, it still answers success
        Assert.Equal(HttpStatusCode.OK, (await api.Raw().PostAsync($"{AuthKit.B}/api/staff/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.WithBearer("a.b.c").PostAsync($"{AuthKit.B}/api/staff/logout", null)).StatusCode);
    }

    [Fact]
    public async Task Deactivation_ends_access_at_once()
    {
        var s = await api.CreateStaffAsync();
        var (token, _) = await LoginAsync(s);
        Assert.Equal(HttpStatusCode.OK, (await api.WithBearer(token).GetAsync($"{AuthKit.B}/api/staff/me")).StatusCode);
        await api.Exec("update wholesale.staff_users set is_active = false where id = $1", s.Id);
        var rsp = await api.WithBearer(token).GetAsync($"{AuthKit.B}/api/staff/me");
        Assert.Equal(HttpStatusCode.Unauthorized, rsp.StatusCode);
        Assert.False((bool)(await rsp.Json())["success"]!);
    }

    [Fact]
    public async Task Extra_claims_in_a_correctly_signed_token_are_ignored_the_role_comes_from_the_database()
    {
        var s = await api.CreateStaffAsync("sales_rep");
        var jti = Guid.NewGuid();
        var expires = DateTime.UtcNow.AddHours(1);
        await api.Exec("insert into wholesale.staff_tokens (jti, staff_id, expires_at) values ($1, $2, $3)", jti, s.Id, expires);
        var key = api.Services.GetRequiredService<Secrets>().Get(WholesaleAuth.SigningKeySetting);
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object>
            {
                ["sub"] = s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["jti"] = jti.ToString(),
                [WholesaleAuth.StaffRoleClaim] = "admin", ["role"] = "admin", [WholesaleAuth.StaffIdClaim] = "1",
            },
            Issuer = WholesaleAuth.TokenIssuer, Audience = WholesaleAuth.TokenAudience, Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
        var me = await api.WithBearer(forged).GetAsync($"{AuthKit.B}/api/staff/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var staff = (await me.Json())["staff"]!;
        Assert.Equal("sales_rep", (string)staff["role"]!);
        Assert.Equal(s.Id, (long)staff["id"]!);

        // signed with another key: refused
        var wrongKey = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["sub"] = s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["jti"] = jti.ToString() },
            Issuer = WholesaleAuth.TokenIssuer, Audience = WholesaleAuth.TokenAudience, Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(new string('k', 64))), SecurityAlgorithms.HmacSha256),
        });
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.WithBearer(wrongKey).GetAsync($"{AuthKit.B}/api/staff/me")).StatusCode);
    }

    [Fact]
    public async Task Staff_login_from_a_foreign_origin_is_refused()
    {
        var s = await api.CreateStaffAsync();
        var client = api.Raw();
        client.DefaultRequestHeaders.Add("Origin", "https://evil.example");
        var rsp = await client.Post("/api/staff/login", new { username = s.Username, password = s.Password });
        Assert.Equal(HttpStatusCode.Forbidden, rsp.StatusCode);
        Assert.Null(rsp.SessionCookie().Value);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Post("/api/shipping/login", new { username = s.Username, password = s.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"{AuthKit.B}/api/staff/logout", null)).StatusCode);
    }

    [Fact]
    public async Task Staff_forgot_and_reset_revoke_every_token_and_mail_a_notice()
    {
        var s = await api.CreateStaffAsync();
        var email = s.Username + "@staff.test";
        var (token, _) = await LoginAsync(s);

        var (rsp, body) = await api.Raw().PostRead("/api/staff/forgot-password", new { identifier = s.Username });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        Assert.True((bool)body["email_sent"]!);
        var reset = (string)body["debug_token"]!;
        await api.DrainAsync();
        Assert.Contains(reset, await api.LastMailBody(email, "wholesale.staff_reset_password"));

        // a customer reset route does not take a staff token
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Raw().Post("/api/auth/reset-password", new { token = reset, password = "brand-new-1" })).StatusCode);
        var (ok, okBody) = await api.Raw().PostRead("/api/staff/reset-password", new { token = reset, password = "brand-new-1" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.NotNull(okBody["message"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Raw().Post("/api/staff/reset-password", new { token = reset, password = "brand-new-2" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.WithBearer(token).GetAsync($"{AuthKit.B}/api/staff/me")).StatusCode);
        await LoginAsync(s, password: "brand-new-1");
        await api.DrainAsync();
        Assert.Equal(1L, await api.MailCount(email, "wholesale.password_changed"));

        var (fu, fuBody) = await api.Raw().PostRead("/api/staff/forgot-username", new { email });
        Assert.Equal(HttpStatusCode.OK, fu.StatusCode);
        Assert.Equal(s.Username, (string)fuBody["debug_username"]!);
        await api.DrainAsync();
        Assert.Contains(s.Username, await api.LastMailBody(email, "wholesale.staff_forgot_username"));
    }
}
