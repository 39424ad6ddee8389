using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Api.Features.ShopperSearch.Common;
using Microsoft.Extensions.Configuration;

namespace Api.Tests.Features.ShopperSearch.Ingest;

public sealed class KeysAdminTests(ShopperApi api) : IClassFixture<ShopperApi>
{
    HttpClient Admin(string? token = Shopper.AdminToken)
    {
        var c = api.CreateClient();
        if (token is not null) c.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return c;
    }

    static async Task<int> MaxPriceWith(ShopperApi api, long merchant, string key)
    {
        var c = api.Merchant(merchant);
        c.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return (await c.Send(HttpMethod.Get, "/api/v0/product/max-price")).Status;
    }

    [Fact]
    public async Task Create_list_rotate_and_revoke_through_the_admin_endpoints()
    {
        var admin = Admin();
        var (status, created) = await admin.Post("/api/v1/merchants/881/keys", new { environment = "test", name = "erp" });
        Assert.Equal(201, status);
        var key = (string)created["key"]!;
        var id = (long)created["id"]!;
        Assert.StartsWith("sk_test_", key);
        Assert.Equal(key[..12], (string?)created["key_prefix"]);
        Assert.Equal(881, (long)created["merchant_id"]!);
        Assert.Equal("erp", (string?)created["name"]);
        Assert.Equal(200, await MaxPriceWith(api, 881, key));

        var (ls, list) = await admin.Send(HttpMethod.Get, "/api/v1/merchants/881/keys");
        Assert.Equal(200, ls);
        var listed = Assert.Single(list["keys"]!.AsArray());
        Assert.Equal(id, (long)listed!["id"]!);
        Assert.Equal("test", (string?)listed["environment"]);
        Assert.False((bool)listed["revoked"]!);
        Assert.NotNull(listed["last_used_at"]);   // the max-price call above touched it
        Assert.DoesNotContain(key, list.ToJsonString());
        Assert.DoesNotContain("hash", list.ToJsonString());

        var (rs, rotated) = await admin.Post($"/api/v1/merchants/881/keys/{id}/rotate", new { });
        Assert.Equal(201, rs);
        var newKey = (string)rotated["key"]!;
        Assert.NotEqual(key, newKey);
        Assert.Equal(id, (long)rotated["rotated_from"]!);
        Assert.Equal("erp", (string?)rotated["name"]);
        Assert.Equal(401, await MaxPriceWith(api, 881, key));       // the old key is revoked
        Assert.Equal(200, await MaxPriceWith(api, 881, newKey));

        var (rs2, again) = await admin.Post($"/api/v1/merchants/881/keys/{id}/rotate", new { });
        Assert.Equal(409, rs2);
        Assert.Contains("revoked", (string?)again["detail"]);

        var newId = (long)rotated["id"]!;
        var (ds, deleted) = await admin.Send(HttpMethod.Delete, $"/api/v1/merchants/881/keys/{newId}");
        Assert.Equal(200, ds);
        Assert.Equal("revoked", (string?)deleted["status"]);
        var c = api.Merchant(881);
        c.DefaultRequestHeaders.Authorization = new("Bearer", newKey);
        var (s401, body) = await c.Send(HttpMethod.Get, "/api/v0/product/max-price");
        Assert.Equal(401, s401);
        Assert.Equal("API key has been revoked", (string?)body["detail"]);
        Assert.Equal(200, (await admin.Send(HttpMethod.Delete, $"/api/v1/merchants/881/keys/{newId}")).Status);   // idempotent

        var (_, after) = await admin.Send(HttpMethod.Get, "/api/v1/merchants/881/keys");
        Assert.All(after["keys"]!.AsArray(), k => Assert.True((bool)k!["revoked"]!));
    }

    [Fact]
    public async Task Another_merchants_key_is_not_found_and_cannot_be_used()
    {
        var admin = Admin();
        var (_, created) = await admin.Post("/api/v1/merchants/882/keys", new { });
        var id = (long)created["id"]!;
        var key = (string)created["key"]!;

        Assert.Equal(404, (await admin.Post($"/api/v1/merchants/883/keys/{id}/rotate", new { })).Status);
        var (ds, body) = await admin.Send(HttpMethod.Delete, $"/api/v1/merchants/883/keys/{id}");
        Assert.Equal(404, ds);
        Assert.Equal($"API key {id} not found for merchant 883", (string?)body["detail"]);
        var (_, list) = await admin.Send(HttpMethod.Get, "/api/v1/merchants/883/keys");
        Assert.Empty(list["keys"]!.AsArray());

        var c = api.Merchant(883);
        c.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var (s, b) = await c.Send(HttpMethod.Get, "/api/v0/product/max-price");
        Assert.Equal(403, s);
        Assert.Equal("API key does not belong to this merchant", (string?)b["detail"]);
        Assert.Equal(200, await MaxPriceWith(api, 882, key));   // still active for its own merchant
    }

    [Fact]
    public async Task Missing_or_wrong_admin_token_is_refused()
    {
        var (s1, b1) = await Admin(null).Post("/api/v1/merchants/884/keys", new { });
        Assert.Equal(401, s1);
        Assert.NotNull(b1["detail"]);
        var (s2, b2) = await Admin("test-admin-token-0123456789abcdeX").Send(HttpMethod.Get, "/api/v1/merchants/884/keys");
        Assert.Equal(401, s2);
        Assert.Equal("Invalid admin token", (string?)b2["detail"]);
        Assert.Equal(401, (await Admin("sk_test_whatever").Send(HttpMethod.Delete, "/api/v1/merchants/884/keys/1")).Status);
        Assert.Equal(401, (await Admin("x").Post("/api/v1/merchants/884/keys/1/rotate", new { })).Status);
        var (_, list) = await Admin().Send(HttpMethod.Get, "/api/v1/merchants/884/keys");
        Assert.Empty(list["keys"]!.AsArray());   // nothing was created by the refused calls
    }

    [Fact]
    public async Task Bad_input_is_a_422_with_fastapi_details()
    {
        var (s, b) = await Admin().Post("/api/v1/merchants/885/keys", new { environment = "prod" });
        Assert.Equal(422, s);
        Assert.IsType<JsonArray>(b["detail"]);
        Assert.Equal(422, (await Admin().Send(HttpMethod.Get, "/api/v1/merchants/0/keys")).Status);
    }

    static IConfiguration Config(string? token) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ShopperSearch:AdminToken"] = token }).Build();

    [Fact]
    public void Admin_token_setting_forms()
    {
        const string token = "a-long-enough-admin-token";
        var hashed = "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();
        Assert.Null(ApiKeys.CheckAdmin(Config(token), "Bearer " + token));
        Assert.Null(ApiKeys.CheckAdmin(Config(hashed), "Bearer " + token));
        Assert.Equal(ErrorOr.ErrorType.Unauthorized, ApiKeys.CheckAdmin(Config(hashed), "Bearer " + hashed)!.Value.Type);
        Assert.Equal(ErrorOr.ErrorType.Unauthorized, ApiKeys.CheckAdmin(Config(token), "Bearer wrong")!.Value.Type);
        Assert.Equal(ErrorOr.ErrorType.Unauthorized, ApiKeys.CheckAdmin(Config(token), null)!.Value.Type);
        // not configured, too short or a malformed hash: the admin API is off
        foreach (var setting in new[] { null, "", "short-token", "sha256:abc", "sha256:" + new string('z', 64) })
            Assert.Equal(ErrorOr.ErrorType.Forbidden, ApiKeys.CheckAdmin(Config(setting), "Bearer " + (setting ?? "x"))!.Value.Type);
    }
}
