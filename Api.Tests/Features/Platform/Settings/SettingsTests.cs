using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Platform.Settings;

/// <summary>PutSetting, GetSetting, ListSettings and DeleteSetting through HTTP, as a client of /platform sees them.</summary>
public sealed class SettingsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    readonly Guid _tenant = Guid.NewGuid();

    [Fact]
    public async Task Put_then_get_reads_the_value_back()
    {
        var client = api.ClientFor(_tenant);
        var put = await client.PutJson("/platform/v1/settings/display.theme", new { value = new { mode = "dark", contrast = 2 } });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        var get = await client.GetAsync("/platform/v1/settings/display.theme");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var body = await get.Json();
        Assert.Equal("display.theme", (string?)body["key"]);
        Assert.Equal("dark", (string?)body["value"]!["mode"]);
        Assert.NotNull(body["updated_at"]);

        var again = await client.PutJson("/platform/v1/settings/display.theme", new { value = "light" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("light", (string?)(await again.Json())["value"]);
    }

    [Fact]
    public async Task Unknown_key_is_404_in_the_platform_envelope()
    {
        var rsp = await api.ClientFor(_tenant).GetAsync("/platform/v1/settings/missing.key");
        Assert.Equal(HttpStatusCode.NotFound, rsp.StatusCode);
        Assert.Equal("application/problem+json", rsp.Content.Headers.ContentType?.MediaType);
        var body = await rsp.Json();
        Assert.Equal("SETTING_NOT_FOUND", (string?)body["code"]);
        Assert.Equal(404, (int?)body["status"]);
    }

    [Fact]
    public async Task Other_tenants_settings_are_invisible()
    {
        await api.ClientFor(_tenant).PutJson("/platform/v1/settings/secret.plan", new { value = "gold" });
        var other = api.ClientFor(Guid.NewGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/platform/v1/settings/secret.plan")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync("/platform/v1/settings/secret.plan")).StatusCode);
        var list = await (await other.GetAsync("/platform/v1/settings")).Json();
        Assert.Empty(list["items"]!.AsArray());
    }

    [Fact]
    public async Task Bad_key_is_a_validation_error_naming_the_field()
    {
        var rsp = await api.ClientFor(_tenant).PutJson("/platform/v1/settings/Not Allowed", new { value = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.NotNull(body["errors"]!["key"]);
    }

    [Fact]
    public async Task Missing_value_is_a_validation_error()
    {
        var rsp = await api.ClientFor(_tenant).PutJson("/platform/v1/settings/a.b", new { other = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        Assert.NotNull((await rsp.Json())["errors"]!["value"]);
    }

    [Fact]
    public async Task Malformed_json_is_400_not_500()
    {
        var client = api.ClientFor(_tenant);
        var rsp = await client.PutAsync("/platform/v1/settings/a.b", new StringContent("{\"value\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
    }

    [Fact]
    public async Task List_pages_by_key_and_filters_by_prefix()
    {
        var client = api.ClientFor(_tenant);
        foreach (var k in new[] { "a.1", "a.2", "a.3", "b.1" })
            await client.PutJson($"/platform/v1/settings/{k}", new { value = k });

        var first = await (await client.GetAsync("/platform/v1/settings?prefix=a.&limit=2")).Json();
        Assert.Equal(["a.1", "a.2"], first["items"]!.AsArray().Select(i => (string)i!["key"]!));
        Assert.Equal("a.2", (string?)first["next_after"]);
        var second = await (await client.GetAsync("/platform/v1/settings?prefix=a.&limit=2&after=a.2")).Json();
        Assert.Equal(["a.3"], second["items"]!.AsArray().Select(i => (string)i!["key"]!));
        Assert.Null(second["next_after"]);

        var bad = await client.GetAsync("/platform/v1/settings?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Delete_removes_the_setting()
    {
        var client = api.ClientFor(_tenant);
        await client.PutJson("/platform/v1/settings/temp.value", new { value = 1 });
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/platform/v1/settings/temp.value")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/platform/v1/settings/temp.value")).StatusCode);
    }

    [Fact]
    public async Task Requires_a_valid_token()
    {
        var anonymous = api.CreateClient();
        var rsp = await anonymous.GetAsync("/platform/v1/settings");
        Assert.Equal(HttpStatusCode.Unauthorized, rsp.StatusCode);
        Assert.Equal(401, (int?)(await rsp.Json())["status"]);

        var expired = api.CreateClient();
        expired.DefaultRequestHeaders.Authorization = new("Bearer", ApiFactory.PlatformToken(_tenant, TimeSpan.FromMinutes(-5)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await expired.GetAsync("/platform/v1/settings")).StatusCode);

        var forged = api.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", Api.Infrastructure.Auth.JwtSchemeHandler.Mint(
            "some-other-key-that-is-long-enough-0123456789abcdef",
            new Dictionary<string, object> { ["tenant_id"] = _tenant.ToString() }, TimeSpan.FromMinutes(5)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/platform/v1/settings")).StatusCode);

        var noTenant = api.CreateClient();
        noTenant.DefaultRequestHeaders.Authorization = new("Bearer", Api.Infrastructure.Auth.JwtSchemeHandler.Mint(ApiFactory.PlatformKey,
            new Dictionary<string, object> { ["tenant_id"] = "not-a-uuid" }, TimeSpan.FromMinutes(5)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await noTenant.GetAsync("/platform/v1/settings")).StatusCode);
    }
}
