using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Api.Infrastructure.Auth;

namespace Api.Infrastructure.Integrations.Sandbox;

/// <summary>
/// Shopify, locally: every shop is <c>{Prefix}/{shop}</c>, its admin host. It checks what Shopify checks: the app's client id
/// on the consent page, client credentials and a one-time code at the token endpoint, the shop's access token on Admin API calls.
/// <list type="bullet">
/// <item><c>GET /admin/oauth/authorize</c> shows a consent page; its button (or the same URL as a <c>POST</c> for scripts, answered
/// with JSON) issues a code and sends the merchant to <c>redirect_uri</c> with <c>code, host, shop, state, timestamp</c> and their HMAC.</item>
/// <item><c>POST /admin/oauth/access_token</c>; the Admin API (<c>2024-10</c>): products (paged with <c>Link</c> cursors; a demo
/// catalog per shop), webhook registration, recurring application charges and their confirmation page.</item>
/// <item>Changing a product through the Admin API (<c>POST products.json</c>, <c>PUT</c>/<c>DELETE products/{id}.json</c>)
/// delivers the registered webhook, signed with the app secret (<c>X-Shopify-Hmac-Sha256</c>).</item>
/// </list>
/// State is in memory.
/// </summary>
public sealed class ShopifySandbox(Func<(string ApiKey, string ApiSecret)> app, SandboxDelivery? delivery = null)
{
    public const string Prefix = "/shopify";
    const string V = "/admin/api/2024-10";
    /// <summary>Tests: an access token every shop accepts.</summary>
    public string? FixedAccessToken { get; set; }
    /// <summary>The catalog a shop starts with.</summary>
    public Func<string, List<JsonObject>> NewCatalog { get; set; } = DemoCatalog;
    public int PageSize { get; set; } = 250;
    public bool ThrottleOnce { get; set; }
    public int ProductPageDelayMs { get; set; }
    /// <summary>"topic address" of every registration.</summary>
    public ConcurrentBag<string> Webhooks { get; } = [];
    /// <summary>"METHOD /admin/... ?query" relative to the shop's admin host.</summary>
    public ConcurrentQueue<string> Requests { get; } = [];
    public ConcurrentDictionary<long, JsonObject> Charges { get; } = new();
    public ConcurrentQueue<(string Shop, string Topic, int Status)> Deliveries { get; } = [];
    readonly ConcurrentDictionary<string, List<JsonObject>> _catalogs = new();
    readonly ConcurrentDictionary<(string Shop, string Topic), string> _subscriptions = new();
    readonly ConcurrentDictionary<string, string?> _codes = new();
    long _chargeIds = 100000;

    /// <summary>The offline access token the sandbox issues to (and accepts from) the app for a shop.</summary>
    public static string TokenFor(string apiSecret, string shop) =>
        "shpat_sandbox_" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiSecret), Encoding.UTF8.GetBytes("token:" + shop)))[..32].ToLowerInvariant();

    /// <summary>Makes <paramref name="code"/> redeemable once (for <paramref name="shop"/>, or any shop when null).</summary>
    public void IssueCode(string code, string? shop = null) => _codes[code] = shop;

    public List<JsonObject> Catalog(string shop) => _catalogs.GetOrAdd(shop, s => NewCatalog(s));

    public void Map(IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup(Prefix + "/{shop}");
        g.AddEndpointFilter(async (ctx, next) =>
        {
            var http = ctx.HttpContext;
            var shop = (string)http.GetRouteValue("shop")!;
            var path = http.Request.Path.Value!;
            Requests.Enqueue($"{http.Request.Method} {path[(Prefix.Length + 1 + shop.Length)..]}{http.Request.QueryString}");
            if (AdPriorityAuth.NormalizeShop(shop) != shop) return Results.NotFound(new { errors = "Not Found" });
            if (path.Contains(V, StringComparison.Ordinal) && http.Request.Headers["X-Shopify-Access-Token"].ToString() is var token
                && token != FixedAccessToken && token != TokenFor(app().ApiSecret, shop))
                return Results.Json(new { errors = "[API] Invalid API key or access token (unrecognized login or wrong password)" }, statusCode: 401);
            return await next(ctx);
        });

        g.MapGet("/admin/oauth/authorize", (HttpContext ctx, string shop) =>
        {
            var q = ctx.Request.Query;
            if (q["client_id"] != app().ApiKey) return Results.Content(Page("Unknown app", "<p>client_id does not name this app.</p>"), "text/html", null, 400);
            return Results.Content(Page($"Install app on {shop}", $"""
                <p>The app <code>{E(q["client_id"])}</code> asks for <code>{E(q["scope"])}</code>.</p>
                <form method="post" action="authorize{E(ctx.Request.QueryString.Value)}"><button type="submit" style="font-size:1.2rem">Install app</button></form>
                """), "text/html");
        });
        g.MapPost("/admin/oauth/authorize", (HttpContext ctx, string shop) =>
        {
            var q = ctx.Request.Query;
            if (q["client_id"] != app().ApiKey) return Results.Json(new { error = "invalid_request", error_description = "unknown client_id" }, statusCode: 400);
            if (!Uri.TryCreate(q["redirect_uri"], UriKind.Absolute, out var redirect))
                return Results.Json(new { error = "invalid_request", error_description = "redirect_uri must be absolute" }, statusCode: 400);
            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
            IssueCode(code, shop);
            var p = new Dictionary<string, string>
            {
                ["code"] = code, ["host"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin.shopify.com/store/{shop.Split('.')[0]}")).TrimEnd('='),
                ["shop"] = shop, ["state"] = q["state"].ToString(), ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            };
            p["hmac"] = AdPriorityAuth.SignQuery(app().ApiSecret, p);
            var url = redirect + (redirect.Query.Length > 0 ? "&" : "?") + string.Join('&', p.Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value)}"));
            return ctx.Request.HasFormContentType ? Results.Redirect(url, false) : Results.Json(new Dictionary<string, string>(p) { ["redirect_url"] = url });
        });
        g.MapPost("/admin/oauth/access_token", async (HttpContext ctx, string shop) =>
        {
            var body = await JsonNode.ParseAsync(ctx.Request.Body);
            var (key, secret) = app();
            var code = (string?)body?["code"] ?? "";
            if ((string?)body?["client_id"] != key || (string?)body?["client_secret"] != secret
                || !_codes.TryGetValue(code, out var forShop) || (forShop is not null && forShop != shop) || !_codes.TryRemove(code, out _))
                return Results.Json(new { error = "invalid_request", error_description = "The authorization code was not found or was already used" }, statusCode: 400);
            return Results.Json(new { access_token = FixedAccessToken ?? TokenFor(secret, shop), scope = "read_products,read_inventory" });
        });

        g.MapGet(V + "/webhooks.json", (string shop) => Results.Json(new
        {
            webhooks = _subscriptions.Where(s => s.Key.Shop == shop).Select(s => new { topic = s.Key.Topic, address = s.Value, format = "json" }),
        }));
        g.MapPost(V + "/webhooks.json", async (HttpContext ctx, string shop) =>
        {
            var w = (await JsonNode.ParseAsync(ctx.Request.Body))?["webhook"];
            if ((string?)w?["topic"] is not { Length: > 0 } topic || (string?)w["address"] is not { Length: > 0 } address)
                return Results.Json(new { errors = new { topic = new[] { "can't be blank" } } }, statusCode: 422);
            if (_subscriptions.TryGetValue((shop, topic), out var existing) && existing == address)
                return Results.Json(new { errors = new { address = new[] { "for this topic has already been taken" } } }, statusCode: 422);
            _subscriptions[(shop, topic)] = address;
            Webhooks.Add(topic + " " + address);
            return Results.Json(new { webhook = new { id = Webhooks.Count, topic, address, format = "json" } }, statusCode: 201);
        });

        g.MapGet(V + "/products.json", async (HttpContext ctx, string shop) =>
        {
            if (ThrottleOnce) { ThrottleOnce = false; ctx.Response.Headers.RetryAfter = "1.0"; return Results.StatusCode(429); }
            if (ProductPageDelayMs > 0) await Task.Delay(ProductPageDelayMs);
            var q = ctx.Request.Query;
            var limit = int.TryParse(q["limit"], out var l) ? Math.Clamp(l, 1, 250) : 50;
            var offset = q.ContainsKey("page_info") ? int.Parse(q["page_info"]!, CultureInfo.InvariantCulture) : 0;
            if (q.ContainsKey("page_info") && (q.ContainsKey("updated_at_min") || q.ContainsKey("status")))
                return Results.Json(new { errors = "page_info cannot be combined with other filters" }, statusCode: 400);
            var catalog = Catalog(shop);
            List<JsonObject> all;
            lock (catalog) all = catalog.Select(p => (JsonObject)p.DeepClone()).ToList();
            if (q["updated_at_min"].ToString() is { Length: > 0 } since)
                all = all.Where(p => DateTime.Parse((string)p["updated_at"]!, CultureInfo.InvariantCulture).ToUniversalTime() >= DateTime.Parse(since, CultureInfo.InvariantCulture).ToUniversalTime()).ToList();
            var page = all.Skip(offset).Take(Math.Min(limit, PageSize)).ToList();
            if (offset + page.Count < all.Count)
                ctx.Response.Headers["Link"] = $"<{ctx.Request.Scheme}://{ctx.Request.Host}{Prefix}/{shop}{V}/products.json?limit={limit}&page_info={offset + page.Count}>; rel=\"next\"";
            ctx.Response.Headers["X-Shopify-Shop-Api-Call-Limit"] = "1/40";
            return Results.Json(new { products = page });
        });
        g.MapPost(V + "/products.json", async (HttpContext ctx, string shop) =>
        {
            if ((await JsonNode.ParseAsync(ctx.Request.Body))?["product"] is not JsonObject input) return Results.Json(new { errors = new { product = "required" } }, statusCode: 422);
            var catalog = Catalog(shop);
            JsonObject product;
            lock (catalog)
            {
                var id = catalog.Count == 0 ? 7000000001L : catalog.Max(p => (long)p["id"]!) + 1;
                product = Product(id, (string?)input["title"] ?? "New product", (string?)input["product_type"] ?? "", (string?)input["tags"] ?? "",
                    [(id * 10 + 1, (int?)input["variants"]?[0]?["inventory_quantity"] ?? 10)]);
                catalog.Add(product);
            }
            await SendWebhookAsync(shop, "products/create", product, ctx.RequestAborted);
            return Results.Json(new { product }, statusCode: 201);
        });
        g.MapPut(V + "/products/{id}.json", async (HttpContext ctx, string shop, string id) =>
        {
            var input = (await JsonNode.ParseAsync(ctx.Request.Body))?["product"] as JsonObject;
            var catalog = Catalog(shop);
            JsonObject? product;
            lock (catalog)
            {
                product = catalog.FirstOrDefault(p => ((long)p["id"]!).ToString(CultureInfo.InvariantCulture) == id);
                if (product is not null && input is not null)
                {
                    foreach (var field in new[] { "title", "product_type", "tags", "status", "vendor" })
                        if (input[field] is { } v) product[field] = v.DeepClone();
                    if (input["variants"] is JsonArray vs)
                        foreach (var v in vs.OfType<JsonObject>())
                            if (product["variants"]!.AsArray().OfType<JsonObject>().FirstOrDefault(x => (long)x["id"]! == (long?)v["id"]) is { } target)
                                foreach (var (k, val) in v) if (k != "id") target[k] = val?.DeepClone();
                    product["updated_at"] = DateTime.UtcNow.ToString("O");
                }
            }
            if (product is null) return Results.Json(new { errors = "Not Found" }, statusCode: 404);
            await SendWebhookAsync(shop, "products/update", product, ctx.RequestAborted);
            return Results.Json(new { product });
        });
        g.MapDelete(V + "/products/{id}.json", async (HttpContext ctx, string shop, string id) =>
        {
            var catalog = Catalog(shop);
            int removed;
            lock (catalog) removed = catalog.RemoveAll(p => ((long)p["id"]!).ToString(CultureInfo.InvariantCulture) == id);
            if (removed == 0) return Results.Json(new { errors = "Not Found" }, statusCode: 404);
            await SendWebhookAsync(shop, "products/delete", new JsonObject { ["id"] = long.Parse(id, CultureInfo.InvariantCulture) }, ctx.RequestAborted);
            return Results.Json(new { });
        });

        g.MapPost(V + "/recurring_application_charges.json", async (HttpContext ctx, string shop) =>
        {
            var c = (await JsonNode.ParseAsync(ctx.Request.Body))?["recurring_application_charge"] as JsonObject;
            if (c is null) return Results.Json(new { errors = new { recurring_application_charge = "required" } }, statusCode: 422);
            var id = Interlocked.Increment(ref _chargeIds);
            var charge = new JsonObject
            {
                ["id"] = id, ["name"] = (string?)c["name"], ["price"] = (string?)c["price"], ["status"] = "pending", ["trial_days"] = (int?)c["trial_days"] ?? 0,
                ["test"] = (bool?)c["test"] ?? false, ["return_url"] = (string?)c["return_url"],
                ["confirmation_url"] = $"{ctx.Request.Scheme}://{ctx.Request.Host}{Prefix}/{shop}/admin/charges/confirm_recurring_application_charge?id={id}&signature=sandbox",
            };
            Charges[id] = charge;
            return Results.Json(new { recurring_application_charge = charge }, statusCode: 201);
        });
        g.MapGet(V + "/recurring_application_charges/{id}.json", (string id) =>
            long.TryParse(id, out var n) && Charges.TryGetValue(n, out var charge)
                ? Results.Json(new { recurring_application_charge = charge }) : Results.Json(new { errors = "Not Found" }, statusCode: 404));
        g.MapGet("/admin/charges/confirm_recurring_application_charge", (long id) => Charges.TryGetValue(id, out var c)
            ? Results.Content(Page($"Approve {E((string?)c["name"])}", $"""
                <p>{E((string?)c["price"])} USD every 30 days{((int?)c["trial_days"] is > 0 and var d ? $" after a {d}-day trial" : "")} (sandbox: nothing is charged).</p>
                <form method="post" action="confirm_recurring_application_charge?id={id}"><button type="submit" name="decision" value="approve">Approve</button>
                <button type="submit" name="decision" value="decline">Decline</button></form>
                """), "text/html")
            : Results.NotFound());
        g.MapPost("/admin/charges/confirm_recurring_application_charge", async (HttpContext ctx, long id) =>
        {
            if (!Charges.TryGetValue(id, out var c)) return Results.NotFound();
            var decision = ctx.Request.HasFormContentType ? (await ctx.Request.ReadFormAsync())["decision"].ToString() : ctx.Request.Query["decision"].ToString();
            c["status"] = decision == "decline" ? "declined" : "active";
            var back = (string?)c["return_url"] ?? "";
            var url = back + (back.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"charge_id={id}";
            return ctx.Request.HasFormContentType ? Results.Redirect(url, false) : Results.Json(new { charge_id = id, status = (string?)c["status"], redirect_url = url });
        });
    }

    public void Approve(long chargeId) => Charges[chargeId]["status"] = "active";

    /// <summary>Delivers <paramref name="topic"/> to the address the shop registered for it (none registered: nothing sent).</summary>
    public async Task<int> SendWebhookAsync(string shop, string topic, JsonObject payload, CancellationToken ct)
    {
        if (delivery is null || !_subscriptions.TryGetValue((shop, topic), out var address)) return 0;
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        var status = await delivery.PostAsync(address, content, new Dictionary<string, string>
        {
            ["X-Shopify-Topic"] = topic, ["X-Shopify-Shop-Domain"] = shop, ["X-Shopify-Webhook-Id"] = Guid.NewGuid().ToString(),
            ["X-Shopify-API-Version"] = "2024-10", ["X-Shopify-Hmac-Sha256"] = AdPriorityAuth.SignWebhook(app().ApiSecret, body),
        }, ct);
        Deliveries.Enqueue((shop, topic, status));
        return status;
    }

    public static JsonObject Product(long id, string title, string type, string tags, params (long Id, int Qty)[] variants) => new()
    {
        ["id"] = id, ["title"] = title, ["product_type"] = type, ["vendor"] = "Sandbox Vendor", ["tags"] = tags, ["status"] = "active",
        ["created_at"] = DateTime.UtcNow.AddDays(-100).ToString("O"), ["updated_at"] = DateTime.UtcNow.ToString("O"),
        ["variants"] = new JsonArray(variants.Select(v => (JsonNode)new JsonObject
        {
            ["id"] = v.Id, ["product_id"] = id, ["title"] = "Default", ["sku"] = $"SKU{v.Id}", ["price"] = "19.99", ["inventory_quantity"] = v.Qty,
        }).ToArray()),
    };

    /// <summary>12 apparel products (20 variants) across the categories AdPriority's default rules score.</summary>
    public static List<JsonObject> DemoCatalog(string shop)
    {
        (string Title, string Type, string Tags, int[] Stock)[] items =
        [
            ("Stacked Jeans", "Men-Bottoms-Jeans Pants", "NAME BRAND, Men", [12, 4]), ("Slim Denim", "Men-Bottoms-Jeans Pants", "Men", [0, 7]),
            ("Puffer Jacket", "Men-Outerwear-Outerwear Heavy", "NAME BRAND, winter", [6, 2]), ("Parka", "Men-Outerwear-Outerwear Heavy", "winter", [3]),
            ("Pullover Hoodie", "Men-Tops-Hoodies & Sweatshirts", "NAME BRAND", [20, 15]), ("Graphic Tee", "Men-Tops-T-Shirts", "summer", [40, 0]),
            ("Heavyweight Tee", "Men-Tops-T-Shirts", "", [9]), ("Mesh Shorts", "Men-Bottoms-Shorts", "summer, clearance", [25, 5]),
            ("59FIFTY Fitted", "Headwear-Baseball-Fitted", "NAME BRAND", [8, 8]), ("Slides", "Footwear-Sandals", "summer", [0]),
            ("Crossbody Bag", "Accessories-Bags", "", [4]), ("Backpack", "Accessories-Bags", "new-arrival", [11, 1]),
        ];
        var seed = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(shop))) % 1000L;
        return items.Select((x, i) =>
        {
            var id = 8_000_000_000L + seed * 1000 + i + 1;
            return Product(id, x.Title, x.Type, x.Tags, x.Stock.Select((q, k) => (id * 10 + k, q)).ToArray());
        }).ToList();
    }

    static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    static string Page(string title, string body) => $"""
        <!doctype html><html><head><meta charset="utf-8"><title>{E(title)}</title></head>
        <body style="font-family:sans-serif;max-width:32rem;margin:3rem auto">
        <p style="background:#fff3cd;padding:.5rem">Shopify sandbox</p><h1>{E(title)}</h1>{body}</body></html>
        """;
}
