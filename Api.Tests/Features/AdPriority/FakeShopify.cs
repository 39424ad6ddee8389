using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Api.Infrastructure.Integrations.Sandbox;
using Microsoft.AspNetCore.Builder;

namespace Api.Tests.Features.AdPriority;

/// <summary>
/// The Shopify sandbox (<see cref="ShopifySandbox"/>, what a new user's API talks to) on its own 127.0.0.1 port. It checks what
/// Shopify checks: client credentials and the one-time code at the token endpoint, the access token on Admin API calls; here every
/// shop shares <see cref="Products"/>, pages hold 2 products (to exercise the Link cursor), and one fixed code and token are valid.
/// </summary>
public sealed class FakeShopify : IAsyncDisposable
{
    public const string GoodCode = "good-code";
    public const string AccessToken = "shpat_fake_offline_token_0123456789";
    readonly WebApplication _app;
    public ShopifySandbox Sandbox { get; }
    /// <summary><c>Integrations:Shopify:BaseUrl</c>: a template with <c>{shop}</c>.</summary>
    public string BaseUrl { get; }
    public string ShopUrl(string shop) => BaseUrl.Replace("{shop}", shop, StringComparison.Ordinal);
    public ConcurrentBag<string> Webhooks => Sandbox.Webhooks;
    public ConcurrentQueue<string> Requests => Sandbox.Requests;
    public List<JsonObject> Products { get; } = [];
    public ConcurrentDictionary<long, JsonObject> Charges => Sandbox.Charges;
    public bool ThrottleOnce { get => Sandbox.ThrottleOnce; set => Sandbox.ThrottleOnce = value; }
    public int ProductPageDelayMs { get => Sandbox.ProductPageDelayMs; set => Sandbox.ProductPageDelayMs = value; }

    public FakeShopify(string apiKey, string apiSecret)
    {
        Sandbox = new ShopifySandbox(() => (apiKey, apiSecret)) { FixedAccessToken = AccessToken, PageSize = 2 };
        Sandbox.NewCatalog = _ => Products;
        Sandbox.IssueCode(GoodCode);
        _app = SandboxHost.StartAsync("http://127.0.0.1:0", Sandbox.Map).GetAwaiter().GetResult();
        BaseUrl = SandboxHost.AddressOf(_app) + ShopifySandbox.Prefix + "/{shop}";
    }

    public void Approve(long chargeId) => Sandbox.Approve(chargeId);

    public JsonObject AddProduct(long id, string title, string type, string tags, params (long Id, int Qty)[] variants)
    {
        var p = ShopifySandbox.Product(id, title, type, tags, variants);
        p["vendor"] = "Fake Vendor";
        lock (Products) Products.Add(p);
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
