using System.Net;
using System.Text;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Security;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Features.Wholesale.Admin;

/// <summary>API key administration: roles, raw key once, hash at rest, scopes, revoke/activate/delete, verify and usage counters.</summary>
public sealed class ApiKeysTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("manager", HttpStatusCode.OK)]
    [InlineData("staff", HttpStatusCode.Forbidden)]
    [InlineData("sales_rep", HttpStatusCode.Forbidden)]
    public async Task Each_staff_role_on_every_key_endpoint(string role, HttpStatusCode expected)
    {
        var client = await api.StaffClientAsync(role);
        var keyId = await api.Scalar<long>("insert into wholesale.api_keys (name, prefix, key_hash, key_preview) values ('r', 'x_', $1, 'x_...abcd') returning id",
            Guid.NewGuid().ToString("N"));
        Assert.Equal(expected, (await client.GetAsync($"{WsKit.Base}/api/admin/keys")).StatusCode);
        var created = expected == HttpStatusCode.OK ? HttpStatusCode.Created : expected;
        Assert.Equal(created, (await client.PostAsync($"{WsKit.Base}/api/admin/keys", Json("""{"name":"n","prefix":"lld_"}"""))).StatusCode);
        Assert.Equal(expected, (await client.PostAsync($"{WsKit.Base}/api/admin/keys/{keyId}/revoke", null)).StatusCode);
        Assert.Equal(expected, (await client.PostAsync($"{WsKit.Base}/api/admin/keys/{keyId}/activate", null)).StatusCode);
        Assert.Equal(expected, (await client.PostAsync($"{WsKit.Base}/api/admin/keys/verify", Json("""{"raw_key":"x"}"""))).StatusCode);
        Assert.Equal(expected, (await client.DeleteAsync($"{WsKit.Base}/api/admin/keys/{keyId}")).StatusCode);
    }

    [Fact]
    public async Task Customers_and_anonymous_callers_are_401()
    {
        var customer = await api.CustomerClientAsync(await api.CreateCustomerAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await customer.GetAsync($"{WsKit.Base}/api/admin/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await customer.PostAsync($"{WsKit.Base}/api/admin/keys", Json("""{"name":"n","prefix":"p"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync($"{WsKit.Base}/api/admin/keys")).StatusCode);
    }

    [Fact]
    public async Task Creates_a_key_shown_once_that_works_and_is_stored_as_its_hash()
    {
        var admin = await api.CreateStaffAsync("admin");
        var client = await api.StaffClientAsync(admin);
        var rsp = await client.PostAsync($"{WsKit.Base}/api/admin/keys", Json("""{"name":"ERP sync","prefix":"lld_","description":"nightly","scopes":["products:read"]}"""));
        Assert.Equal(HttpStatusCode.Created, rsp.StatusCode);
        var key = await rsp.Json();
        var raw = (string)key["raw_key"]!;
        Assert.StartsWith("lld_", raw);
        Assert.False(string.IsNullOrWhiteSpace((string)key["warning"]!));
        Assert.Null(key["key_hash"]);
        Assert.Equal(admin.Username, (string)key["created_by"]!);
        Assert.EndsWith(raw[^4..], (string)key["key_preview"]!);
        Assert.Equal(["products:read"], key["scopes"]!.AsArray().Select(s => (string)s!));
        var id = (long)key["id"]!;
        Assert.Equal(Hashing.HashApiKey(raw), await api.Scalar<string>("select key_hash from wholesale.api_keys where id = $1", id));
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.api_keys where key_hash = $1", raw));

        var caller = api.KeyClient(raw);
        Assert.Equal(HttpStatusCode.OK, (await caller.GetAsync($"{WsKit.Base}/api/v1/categories")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await caller.GetAsync($"{WsKit.Base}/api/v1/products")).StatusCode);

        var list = await (await client.GetAsync($"{WsKit.Base}/api/admin/keys")).Json();
        var listed = list.AsArray().Single(k => (long)k!["id"]! == id)!;
        Assert.Null(listed["raw_key"]);
        Assert.Null(listed["key_hash"]);
        Assert.Equal(2, (long)listed["use_count"]!);
        Assert.NotNull(listed["last_used_at"]);
        Assert.DoesNotContain(raw, list.ToJsonString());
    }

    [Fact]
    public async Task Omitted_scopes_are_the_defaults_and_unknown_scopes_or_bad_fields_are_400()
    {
        var client = await api.StaffClientAsync("manager");
        var key = await (await client.PostAsync($"{WsKit.Base}/api/admin/keys", Json("""{"name":"k","prefix":"lld_"}"""))).Json();
        Assert.Equal(WholesaleAuth.DefaultScopes, key["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.Null(key["expires_at"]);

        foreach (var (body, field) in new[]
                 {
                     ("""{"name":"k","prefix":"lld_","scopes":["products:read","root"]}""", "scopes"),
                     ("""{"prefix":"lld_"}""", "name"),
                     ("""{"name":"k"}""", "prefix"),
                     ("""{"name":"k","prefix":"bad prefix!"}""", "prefix"),
                     ("""{"name":"k","prefix":"lld_","expires_at":"31/12/2030"}""", "expires_at"),
                     ("""{"name":"k","prefix":"lld_","expires_at":"2001-01-01"}""", "expires_at"),
                 })
        {
            var rsp = await client.PostAsync($"{WsKit.Base}/api/admin/keys", Json(body));
            Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
            Assert.NotNull((await rsp.Json())["details"]![field]);
        }
    }

    [Fact]
    public async Task An_expiry_date_means_through_that_day_in_the_business_time_zone()
    {
        var client = await api.StaffClientAsync("admin");
        var key = await (await client.PostAsync($"{WsKit.Base}/api/admin/keys", Json("""{"name":"k","prefix":"lld_","expires_at":"2031-03-15"}"""))).Json();
        var expires = DateTimeOffset.Parse((string)key["expires_at"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(new DateTimeOffset(2031, 3, 16, 5, 0, 0, TimeSpan.Zero), expires.ToUniversalTime());   // Chicago midnight (CDT)
    }

    [Fact]
    public async Task Revoke_activate_verify_and_delete()
    {
        var admin = await api.CreateStaffAsync("admin");
        var client = await api.StaffClientAsync(admin);
        var created = await (await client.PostAsync($"{WsKit.Base}/api/admin/keys", Json("""{"name":"k","prefix":"lld_"}"""))).Json();
        var (id, raw) = ((long)created["id"]!, (string)created["raw_key"]!);
        var caller = api.KeyClient(raw);

        var ok = await (await client.PostAsync($"{WsKit.Base}/api/admin/keys/verify", Json($$"""{"raw_key":"{{raw}}"}"""))).Json();
        Assert.True((bool)ok["valid"]!);
        Assert.Equal("valid", (string)ok["reason"]!);
        Assert.Equal(1, (long)ok["key"]!["use_count"]!);

        var revoked = await (await client.PostAsync($"{WsKit.Base}/api/admin/keys/{id}/revoke", null)).Json();
        Assert.True((bool)revoked["success"]!);
        Assert.False((bool)revoked["key"]!["is_active"]!);
        Assert.Equal(admin.Username, (string)revoked["key"]!["revoked_by"]!);
        Assert.NotNull(revoked["key"]!["revoked_at"]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await caller.GetAsync($"{WsKit.Base}/api/v1/products")).StatusCode);
        var bad = await (await client.PostAsync($"{WsKit.Base}/api/admin/keys/verify", Json($$"""{"raw_key":"{{raw}}"}"""))).Json();
        Assert.False((bool)bad["valid"]!);
        Assert.Equal("revoked", (string)bad["reason"]!);

        var active = await (await client.PostAsync($"{WsKit.Base}/api/admin/keys/{id}/activate", null)).Json();
        Assert.True((bool)active["key"]!["is_active"]!);
        Assert.Null(active["key"]!["revoked_at"]);
        Assert.Null(active["key"]!["revoked_by"]);
        Assert.Equal(HttpStatusCode.OK, (await caller.GetAsync($"{WsKit.Base}/api/v1/products")).StatusCode);

        await api.Exec("update wholesale.api_keys set expires_at = now() - interval '1 minute' where id = $1", id);
        var expired = await (await client.PostAsync($"{WsKit.Base}/api/admin/keys/verify", Json($$"""{"raw_key":"{{raw}}"}"""))).Json();
        Assert.Equal("expired", (string)expired["reason"]!);
        var unknown = await (await client.PostAsync($"{WsKit.Base}/api/admin/keys/verify", Json("""{"raw_key":"lld_nothing"}"""))).Json();
        Assert.False((bool)unknown["valid"]!);
        Assert.Equal("not_found", (string)unknown["reason"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"{WsKit.Base}/api/admin/keys/verify", Json("{}"))).StatusCode);

        var deleted = await client.DeleteAsync($"{WsKit.Base}/api/admin/keys/{id}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.True((bool)(await deleted.Json())["success"]!);
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.api_keys where id = $1", id));
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"{WsKit.Base}/api/admin/keys/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"{WsKit.Base}/api/admin/keys/{id}/revoke", null)).StatusCode);
        Assert.True(await api.Scalar<long>("select count(*) from wholesale.audit_log where entity = 'api_key' and entity_id = $1", id.ToString()) >= 4);
    }
}
