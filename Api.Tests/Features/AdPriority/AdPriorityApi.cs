using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Api.Infrastructure.Auth;
using Api.Tests.Infrastructure;
using Npgsql;

namespace Api.Tests.Features.AdPriority;

/// <summary>The API with AdPriority's app credentials set; helpers to install shops and act as their admins.</summary>
public class AdPriorityApi : ApiFactory
{
    public const string ApiSecret = "test-shopify-api-secret-0123456789abcdef";
    public const string ApiKey = "test-shopify-api-key";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [AdPriorityAuth.ApiSecretSetting] = ApiSecret,
        [AdPriorityAuth.ApiKeySetting] = ApiKey,
    };

    public static string Token(string shop, TimeSpan? lifetime = null) =>
        AdPriorityAuth.MintSessionToken(ApiSecret, ApiKey, shop, lifetime ?? TimeSpan.FromMinutes(5));

    public HttpClient ClientFor(string shop)
    {
        var c = CreateClient();
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(shop));
        return c;
    }

    /// <summary>Installs a shop: tenant row and the four default seasons. Returns its id and domain.</summary>
    public async Task<(Guid Id, string Shop)> InstallAsync(string plan = "growth", string status = "active", string timezone = "UTC")
    {
        var id = Guid.NewGuid();
        var shop = $"shop-{id.ToString("N")[..12]}.myshopify.com";
        await ExecAsync(id, $"""
            insert into adpriority.tenants (id, shop_domain, plan_tier, status, timezone) values ('{id}', '{shop}', '{plan}', '{status}', '{timezone}');
            insert into adpriority.seasons (tenant_id, season, name, start_month, end_month) values
              ('{id}', 'winter', 'Winter', 11, 2), ('{id}', 'spring', 'Spring', 3, 4), ('{id}', 'summer', 'Summer', 5, 8), ('{id}', 'fall', 'Fall', 9, 10);
            """);
        return (id, shop);
    }

    /// <summary>Adds a product with variants (inventory per variant); returns product id and variant ids.</summary>
    public async Task<(Guid Product, Guid[] Variants)> AddProductAsync(Guid tenant, string title, string type, string[] tags, int[] stock,
        string status = "active", int ageDays = 200, string vendor = "Acme", long? shopifyId = null)
    {
        var pid = Guid.NewGuid();
        var sid = shopifyId ?? Random.Shared.NextInt64(1_000_000, 9_000_000_000);
        var tagSql = "array[" + string.Join(',', tags.Select(t => $"'{t.Replace("'", "''")}'")) + "]::text[]";
        var sql = $"""
            insert into adpriority.products (id, tenant_id, shopify_product_id, title, product_type, vendor, tags, status, shopify_created_at)
            values ('{pid}', '{tenant}', {sid}, '{title.Replace("'", "''")}', '{type}', '{vendor}', {tagSql}, '{status}', now() - interval '{ageDays} days');
            """;
        var vids = stock.Select(_ => Guid.NewGuid()).ToArray();
        for (var i = 0; i < stock.Length; i++)
            sql += $"insert into adpriority.variants (id, tenant_id, product_id, shopify_variant_id, sku, price, inventory_quantity) values ('{vids[i]}', '{tenant}', '{pid}', {sid * 10 + i}, 'SKU-{sid}-{i}', 49.99, {stock[i]});";
        await ExecAsync(tenant, sql);
        return (pid, vids);
    }

    public async Task ExecAsync(Guid tenant, string sql)
    {
        await using var conn = OwnerConnection();
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var set = new NpgsqlCommand($"select set_config('app.tenant_id', '{tenant}', true)", conn, tx)) await set.ExecuteNonQueryAsync();
        await using (var cmd = new NpgsqlCommand(sql, conn, tx)) await cmd.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }

    public async Task<T> ScalarAsync<T>(Guid tenant, string sql)
    {
        await using var conn = OwnerConnection();
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var set = new NpgsqlCommand($"select set_config('app.tenant_id', '{tenant}', true)", conn, tx)) await set.ExecuteNonQueryAsync();
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        var v = await cmd.ExecuteScalarAsync();
        await tx.CommitAsync();
        return (T)Convert.ChangeType(v!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}

public static class CamelHttp
{
    static readonly JsonSerializerOptions Camel = new(JsonSerializerDefaults.Web);

    public static Task<HttpResponseMessage> PostCamel(this HttpClient c, string url, object body) => c.PostAsJsonAsync(url, body, Camel);
    public static Task<HttpResponseMessage> PutCamel(this HttpClient c, string url, object body) => c.PutAsJsonAsync(url, body, Camel);

    public static async Task<string> ErrorCode(this HttpResponseMessage rsp) => (string)(await rsp.Json())["error"]!["code"]!;
}
