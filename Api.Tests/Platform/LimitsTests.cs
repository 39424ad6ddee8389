using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Api.Infrastructure.Auth;
using Api.Tests.Features.AdPriority;
using Api.Tests.Features.PriceWatch;
using Api.Tests.Features.PriceWatch.Billing;
using Api.Tests.Features.ShopperSearch;
using Api.Tests.Infrastructure;

namespace Api.Tests.Platform;

/// <summary>Issue 17 §6: anonymous and invalid credentials are limited per client address, never per claimed credential.</summary>
public sealed class AnonymousLimitTests(AdPriorityApi api) : IClassFixture<AdPriorityApi>
{
    [Fact]
    public async Task A_new_junk_authorization_header_per_request_does_not_escape_the_install_limit()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 15; i++)
        {
            var req = new HttpRequestMessage(HttpMethod.Post, "/adpriority/auth/callback") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            req.Headers.TryAddWithoutValidation("Authorization", $"Bearer junk-{i}");
            statuses.Add((await api.CreateClient().SendAsync(req)).StatusCode);
        }
        Assert.Equal(10, statuses.Count(s => s != HttpStatusCode.TooManyRequests));   // the documented 10 per minute
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Feed_token_guesses_are_limited_per_address()
    {
        var limited = 0;
        for (var i = 0; i < 130; i++)
        {
            var req = new HttpRequestMessage(HttpMethod.Get, $"/adpriority/feeds/guess{i:D4}{Guid.NewGuid():N}/supplemental.csv");
            req.Headers.TryAddWithoutValidation("X-API-Key", $"junk-{i}");
            req.Headers.TryAddWithoutValidation("Authorization", $"Bearer junk-{i}");
            if ((await api.CreateClient().SendAsync(req)).StatusCode == HttpStatusCode.TooManyRequests) limited++;
        }
        Assert.True(limited >= 30, $"{limited} of 130 guesses limited");
    }
}

/// <summary>Issue 17 §6: shopper data needs an allowed Origin, the merchant's API key or a Shopify session token.</summary>
public sealed class ShopperDataAccessTests(ShopperApi api) : IClassFixture<ShopperApi>
{
    static string Session(string shop, string secret = ShopperApi.ShopifySecret) =>
        AdPriorityAuth.MintSessionToken(secret, ShopperApi.ShopifyKey, shop, TimeSpan.FromMinutes(5));

    [Fact]
    public async Task Header_only_calls_cannot_read_or_write_shopper_data()
    {
        await api.SeedAsync();
        var bare = api.Merchant(Shopper.Other);
        foreach (var (method, path, body) in new (HttpMethod, string, object?)[]
                 {
                     (HttpMethod.Post, "/api/v1/user/profile/email", new { email_id = "alex@example.com" }),
                     (HttpMethod.Post, "/api/v1/user/profile", new { user_name = "x", first_name = "X", last_name = "Y", email_id = "x@example.com" }),
                     (HttpMethod.Get, "/api/v1/user/preferences/1", null),
                     (HttpMethod.Post, "/api/v1/user/preferences", new { user_profile_id = 1 }),
                     (HttpMethod.Post, "/api/v1/user/preferences/update", new { user_profile_id = 1 }),
                     (HttpMethod.Post, "/api/v1/user/preferences/randomdata", new { user_profile_id = 1, userPrefsNotPresent = true, current_hour = 9, user_name = "A", limit = 2 }),
                     (HttpMethod.Delete, "/api/v1/merchant/67890/data", null),
                 })
        {
            var (status, rsp) = await bare.Send(method, path, body);
            Assert.True(status == 401, $"{method} {path}: {status}");
            Assert.NotNull((string?)rsp["detail"]);
        }

        // catalog search stays as documented: the header alone
        Assert.Equal(200, (await bare.Post("/api/v0/product/search/text", new { query_str = "shirt" })).Status);
    }

    [Fact]
    public async Task Browsers_from_the_allow_list_api_keys_and_session_tokens_are_accepted()
    {
        await api.SeedAsync();
        var browser = api.Merchant(Shopper.Demo);
        browser.DefaultRequestHeaders.Add("Origin", "https://shop.example.com");
        Assert.Equal(200, (await browser.Post("/api/v1/user/profile/email", new { email_id = "alex@example.com" })).Status);

        var server = api.Merchant(Shopper.Demo);
        server.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Api.Features.ShopperSearch.Demo.Seeder.DemoApiKey);
        Assert.Equal(200, (await server.Post("/api/v1/user/profile/email", new { email_id = "alex@example.com" })).Status);

        var storefront = api.Merchant(Shopper.Demo);
        storefront.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Session("demo-store.myshopify.com"));
        Assert.Equal(200, (await storefront.Post("/api/v1/user/profile/email", new { email_id = "alex@example.com" })).Status);

        // a session token of another shop, or signed with another secret, is refused
        var otherShop = api.Merchant(Shopper.Demo);
        otherShop.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Session("someone-else.myshopify.com"));
        Assert.Equal(403, (await otherShop.Post("/api/v1/user/profile/email", new { email_id = "alex@example.com" })).Status);
        var forged = api.Merchant(Shopper.Demo);
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Session("demo-store.myshopify.com", "another-secret-0123456789abcdef0123"));
        Assert.Equal(401, (await forged.Post("/api/v1/user/profile/email", new { email_id = "alex@example.com" })).Status);
    }

    [Fact]
    public async Task A_merchant_id_in_query_or_body_never_overrides_the_path()
    {
        var admin = api.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Shopper.AdminToken);
        var (q, qBody) = await admin.Send(HttpMethod.Post, "/api/v1/merchants/12345/keys?merchant_id=67890", new { name = "x" });
        Assert.Equal(400, q);
        Assert.Contains("merchant_id", (string?)qBody["detail"]);
        var (b, _) = await admin.Send(HttpMethod.Post, "/api/v1/merchants/12345/keys", new { merchant_id = 67890, name = "x" });
        Assert.Equal(400, b);
        var (l, _) = await admin.Send(HttpMethod.Get, "/api/v1/merchants/12345/keys?merchant_id=67890");
        Assert.Equal(400, l);
        // the same value is no conflict
        Assert.Equal(200, (await admin.Send(HttpMethod.Get, "/api/v1/merchants/12345/keys?merchant_id=12345")).Status);
    }
}

/// <summary>Issue 17 §6: BrandInsights' path brand_key wins; a conflicting one in the query is a 400.</summary>
public sealed class BrandKeyConflictTests(Api.Tests.Features.BrandInsights.BrandInsightsApi api) : IClassFixture<Api.Tests.Features.BrandInsights.BrandInsightsApi>
{
    [Fact]
    public async Task A_brand_key_in_the_query_that_differs_from_the_path_is_400()
    {
        var rsp = await api.ClientFor("acme").GetAsync("/brand-insights/v1/brands/acme/dashboard/summary?brand_key=globex");
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        Assert.Equal("INVALID_PARAMS", (string?)(await rsp.Json())["code"]);
    }
}

/// <summary>Issue 17 §6: the Stripe billing portal needs owner or admin, as checkout does.</summary>
public sealed class BillingPortalRoleTests(BillingFactory api) : IClassFixture<BillingFactory>
{
    [Fact]
    public async Task Viewers_and_members_cannot_open_the_portal()
    {
        var t = await PwTenant.CreateAsync(api);
        await Pw.ExecAsync(api, t.Id, "update pricewatch.subscriptions set stripe_customer_id = 'cus_portal_test' where tenant_id = @t", ("t", t.Id));
        foreach (var role in new[] { "viewer", "member" })
            Assert.Equal(HttpStatusCode.Forbidden, (await t.Client(await t.AddAsync(role)).PostAsync("/pricewatch/api/billing/portal", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await t.Client(await t.AddAsync("admin")).PostAsync("/pricewatch/api/billing/portal", null)).StatusCode);
    }
}

/// <summary>Issue 17 §6: a webhook replayed with a new (unsigned) X-Shopify-Webhook-Id is still a replay; older updates are ignored.</summary>
public sealed class WebhookReplayTests(AdPriorityApi api) : IClassFixture<AdPriorityApi>
{
    static HttpRequestMessage Hook(string topic, string shop, string body, string id)
    {
        var req = new HttpRequestMessage(HttpMethod.Post, "/adpriority/webhooks/shopify/" + topic) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        req.Headers.Add("X-Shopify-Hmac-SHA256", AdPriorityAuth.SignWebhook(AdPriorityApi.ApiSecret, Encoding.UTF8.GetBytes(body)));
        req.Headers.Add("X-Shopify-Shop-Domain", shop);
        req.Headers.Add("X-Shopify-Webhook-Id", id);
        return req;
    }

    static string Product(long id, string title, string updatedAt) =>
        $$"""{"id": {{id}}, "title": "{{title}}", "product_type": "Shirts", "vendor": "V", "tags": "", "status": "active", "created_at": "2025-01-01T00:00:00Z", "updated_at": "{{updatedAt}}", "variants": [{"id": {{id * 10}}, "sku": "S1", "price": "10.00", "inventory_quantity": 3}]}""";

    async Task Until(Func<Task<bool>> done)
    {
        for (var i = 0; i < 100; i++) { if (await done()) return; await Task.Delay(100); }
        Assert.Fail("background work did not finish");
    }

    [Fact]
    public async Task Same_body_with_a_new_webhook_id_is_a_duplicate()
    {
        var (_, shop) = await api.InstallAsync();
        var body = Product(901, "First", "2026-01-01T00:00:00Z");
        var c = api.CreateClient();
        Assert.False((bool)(await (await c.SendAsync(Hook("products/update", shop, body, "a-" + Guid.NewGuid()))).Json())["duplicate"]!);
        Assert.True((bool)(await (await c.SendAsync(Hook("products/update", shop, body, "b-" + Guid.NewGuid()))).Json())["duplicate"]!);
        // another topic with the same body is not the same delivery
        Assert.False((bool)(await (await c.SendAsync(Hook("products/create", shop, body, "c-" + Guid.NewGuid()))).Json())["duplicate"]!);
    }

    [Fact]
    public async Task An_update_older_than_the_stored_one_is_ignored()
    {
        var (id, shop) = await api.InstallAsync();
        var c = api.CreateClient();
        await c.SendAsync(Hook("products/update", shop, Product(902, "Newer", "2026-02-01T00:00:00Z"), Guid.NewGuid().ToString()));
        await Until(async () => await api.ScalarAsync<int>(id, $"select count(*) from adpriority.products where tenant_id = '{id}' and title = 'Newer'") == 1);
        await c.SendAsync(Hook("products/update", shop, Product(902, "Older", "2026-01-01T00:00:00Z"), Guid.NewGuid().ToString()));
        await Until(async () => await api.ScalarAsync<int>(id, $"select count(*) from platform.jobs where tenant_id = '{id}' and type = 'adpriority.webhook' and status in ('queued', 'running')") == 0);
        Assert.Equal("Newer", await api.ScalarAsync<string>(id, $"select title from adpriority.products where tenant_id = '{id}' and shopify_product_id = 902"));
    }
}
