using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Api.Tests.Features.AdPriority;

/// <summary>
/// A Shopify stand-in on 127.0.0.1 that checks what Shopify checks: client credentials and the one-time code at the token
/// endpoint, the access token on Admin API calls; it pages products with Link cursors and answers 429 + Retry-After once.
/// </summary>
public sealed class FakeShopify : IAsyncDisposable
{
    public const string GoodCode = "good-code";
    public const string AccessToken = "shpat_fake_offline_token_0123456789";
    readonly WebApplication _app;
    public string BaseUrl { get; }
    public ConcurrentBag<string> Webhooks { get; } = [];
    public ConcurrentQueue<string> Requests { get; } = [];
    public List<JsonObject> Products { get; } = [];
    public ConcurrentDictionary<long, JsonObject> Charges { get; } = new();
    public bool ThrottleOnce { get; set; }
    public int ProductPageDelayMs { get; set; }
    int _usedCodes;

    public FakeShopify(string apiKey, string apiSecret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use(async (ctx, next) => { Requests.Enqueue($"{ctx.Request.Method} {ctx.Request.Path}{ctx.Request.QueryString}"); await next(); });
        _app.MapPost("/admin/oauth/access_token", async ctx =>
        {
            var body = await JsonNode.ParseAsync(ctx.Request.Body);
            if ((string?)body?["client_id"] != apiKey || (string?)body?["client_secret"] != apiSecret || (string?)body?["code"] != GoodCode
                || Interlocked.Increment(ref _usedCodes) > 1)
            { ctx.Response.StatusCode = 400; await ctx.Response.WriteAsJsonAsync(new { error = "invalid_request", error_description = "The authorization code was not found or was already used" }); return; }
            await ctx.Response.WriteAsJsonAsync(new { access_token = AccessToken, scope = "read_products,read_inventory" });
        });
        _app.Use(async (ctx, next) =>
        {
            if (ctx.Request.Path.StartsWithSegments("/admin/api") && ctx.Request.Headers["X-Shopify-Access-Token"] != AccessToken)
            { ctx.Response.StatusCode = 401; await ctx.Response.WriteAsJsonAsync(new { errors = "[API] Invalid API key or access token" }); return; }
            await next();
        });
        _app.MapPost("/admin/api/2024-10/webhooks.json", async ctx =>
        {
            var body = await JsonNode.ParseAsync(ctx.Request.Body);
            Webhooks.Add((string)body!["webhook"]!["topic"]! + " " + (string)body["webhook"]!["address"]!);
            ctx.Response.StatusCode = 201;
            await ctx.Response.WriteAsJsonAsync(new { webhook = new { id = Webhooks.Count } });
        });
        _app.MapGet("/admin/api/2024-10/products.json", async ctx =>
        {
            if (ThrottleOnce) { ThrottleOnce = false; ctx.Response.StatusCode = 429; ctx.Response.Headers["Retry-After"] = "1.0"; return; }
            if (ProductPageDelayMs > 0) await Task.Delay(ProductPageDelayMs);
            var q = ctx.Request.Query;
            var limit = int.Parse(q["limit"].ToString() is { Length: > 0 } l ? l : "50");
            var offset = q.ContainsKey("page_info") ? int.Parse(q["page_info"]!) : 0;
            if (q.ContainsKey("page_info") && (q.ContainsKey("updated_at_min") || q.ContainsKey("status")))
            { ctx.Response.StatusCode = 400; return; }   // Shopify refuses filters next to page_info
            IEnumerable<JsonObject> all = Products;
            if (q["updated_at_min"].ToString() is { Length: > 0 } since)
                all = all.Where(p => DateTime.Parse((string)p["updated_at"]!).ToUniversalTime() >= DateTime.Parse(since).ToUniversalTime());
            var list = all.ToList();
            var page = list.Skip(offset).Take(Math.Min(limit, 2)).ToList();   // tiny pages to exercise the cursor
            if (offset + page.Count < list.Count)
                ctx.Response.Headers["Link"] = $"<{BaseUrl}/admin/api/2024-10/products.json?limit={limit}&page_info={offset + page.Count}>; rel=\"next\"";
            ctx.Response.Headers["X-Shopify-Shop-Api-Call-Limit"] = "1/40";
            await ctx.Response.WriteAsJsonAsync(new { products = page });
        });
        _app.MapPost("/admin/api/2024-10/recurring_application_charges.json", async ctx =>
        {
            var c = (await JsonNode.ParseAsync(ctx.Request.Body))!["recurring_application_charge"]!.AsObject();
            var id = 100000L + Charges.Count + 1;
            var charge = new JsonObject
            {
                ["id"] = id, ["name"] = (string?)c["name"], ["price"] = (string?)c["price"], ["status"] = "pending", ["trial_days"] = (int?)c["trial_days"] ?? 0,
                ["test"] = (bool?)c["test"] ?? false, ["return_url"] = (string?)c["return_url"],
                ["confirmation_url"] = $"{BaseUrl}/admin/charges/confirm_recurring_application_charge?id={id}&signature=abc",
            };
            Charges[id] = charge;
            ctx.Response.StatusCode = 201;
            await ctx.Response.WriteAsJsonAsync(new { recurring_application_charge = charge });
        });
        _app.MapGet("/admin/api/2024-10/recurring_application_charges/{id}.json", async (HttpContext ctx, string id) =>
        {
            if (!long.TryParse(id, out var n) || !Charges.TryGetValue(n, out var charge)) { ctx.Response.StatusCode = 404; return; }
            await ctx.Response.WriteAsJsonAsync(new { recurring_application_charge = charge });
        });
        _app.StartAsync().GetAwaiter().GetResult();
        BaseUrl = _app.Urls.First().TrimEnd('/');
    }

    public void Approve(long chargeId) => Charges[chargeId]["status"] = "active";

    public JsonObject AddProduct(long id, string title, string type, string tags, params (long Id, int Qty)[] variants)
    {
        var p = new JsonObject
        {
            ["id"] = id, ["title"] = title, ["product_type"] = type, ["vendor"] = "Fake Vendor", ["tags"] = tags, ["status"] = "active",
            ["created_at"] = DateTime.UtcNow.AddDays(-100).ToString("O"), ["updated_at"] = DateTime.UtcNow.ToString("O"),
            ["variants"] = new JsonArray(variants.Select(v => (JsonNode)new JsonObject
            {
                ["id"] = v.Id, ["product_id"] = id, ["title"] = "Default", ["sku"] = $"SKU{v.Id}", ["price"] = "19.99", ["inventory_quantity"] = v.Qty,
            }).ToArray()),
        };
        Products.Add(p);
        return p;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>AdPriority with Shopify pointed at a <see cref="FakeShopify"/>.</summary>
public sealed class ShopifyBackedApi : AdPriorityApi
{
    public FakeShopify Shopify { get; } = new(ApiKey, ApiSecret);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Integrations:Shopify:BaseUrl"] = Shopify.BaseUrl,
        ["AdPriority:AppUrl"] = "https://app.adpriority.test",
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Shopify.DisposeAsync();
    }
}
