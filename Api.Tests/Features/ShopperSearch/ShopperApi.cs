using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Api.Features.ShopperSearch.Demo;
using Api.Infrastructure.Demo;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Features.ShopperSearch;

/// <summary>The API with ShopperSearch's test settings: merchant-data deletion on, a CORS allow-list.</summary>
public class ShopperApi : ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["DELETE_MERCHANT_DATA_ON_UNINSTALL"] = "true",
        ["ShopperSearch:Cors:AllowedOrigins:0"] = "https://*.myshopify.com",
        ["ShopperSearch:Cors:AllowedOrigins:1"] = "https://shop.example.com",
        ["ShopperSearch:AdminToken"] = Shopper.AdminToken,
        ["ShopperSearch:Shopify:ApiSecret"] = ShopifySecret,
        ["ShopperSearch:Shopify:ApiKey"] = ShopifyKey,
    };

    /// <summary>The storefront app's credentials: Shopify session tokens are signed with the secret, addressed to the key.</summary>
    public const string ShopifySecret = "test-shopper-shopify-secret-0123456789abcdef";
    public const string ShopifyKey = "test-shopper-shopify-key";
}

public static class Shopper
{
    static readonly ConditionalWeakTable<ApiFactory, Task> Seeded = new();
    public const long Demo = Seeder.DemoMerchant;
    public const long Other = Seeder.OtherMerchant;
    /// <summary>The admin token of the test host (<c>ShopperSearch:AdminToken</c>), for the key endpoints.</summary>
    public const string AdminToken = "test-admin-token-0123456789abcdef";

    public static Task SeedAsync(this ApiFactory api) => Seeded.GetValue(api, a => DemoData.SeedAsync(a.Services, CancellationToken.None));

    static readonly ConditionalWeakTable<ApiFactory, System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task>>> Once = new();

    /// <summary>Runs <paramref name="seed"/> once per test host and <paramref name="key"/> (a test class's own rows); later calls await the same run.</summary>
    public static Task OnceAsync(this ApiFactory api, string key, Func<Task> seed) =>
        Once.GetValue(api, _ => new()).GetOrAdd(key, _ => new Lazy<Task>(seed)).Value;

    /// <summary>A client whose requests carry <c>X-Merchant-ID</c>.</summary>
    public static HttpClient Merchant(this ApiFactory api, long merchant)
    {
        var c = api.CreateClient();
        c.DefaultRequestHeaders.Add("X-Merchant-ID", merchant.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return c;
    }

    /// <summary>A browser client: <c>X-Merchant-ID</c> and an <c>Origin</c> on the test allow-list (what shopper-data routes need without a key).</summary>
    public static HttpClient Browser(this ApiFactory api, long merchant)
    {
        var c = api.Merchant(merchant);
        c.DefaultRequestHeaders.Add("Origin", "https://shop.example.com");
        return c;
    }

    static readonly JsonSerializerOptions Snake = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<(int Status, JsonNode Body)> Post(this HttpClient c, string path, object body)
    {
        var rsp = await c.PostAsJsonAsync("/shopper" + path, body, Snake);
        var text = await rsp.Content.ReadAsStringAsync();
        return ((int)rsp.StatusCode, JsonNode.Parse(text.Length == 0 ? "null" : text) ?? JsonValue.Create(0));
    }

    public static async Task<(int Status, JsonNode Body)> Send(this HttpClient c, HttpMethod method, string path, object? body = null)
    {
        var req = new HttpRequestMessage(method, "/shopper" + path);
        if (body is not null) req.Content = JsonContent.Create(body, options: Snake);
        var rsp = await c.SendAsync(req);
        var text = await rsp.Content.ReadAsStringAsync();
        return ((int)rsp.StatusCode, JsonNode.Parse(text.Length == 0 ? "null" : text) ?? JsonValue.Create(0));
    }

    public static List<string> Ids(JsonNode data) => data.AsArray().Select(i => (string)i!["product_id"]!).ToList();
}
