using System.Net.Http.Headers;
using Api.Features.BrandInsights.Rollups.RollUpBrands;
using Api.Infrastructure.Auth;
using Api.Tests.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Api.Tests.Features.BrandInsights;

/// <summary>
/// The API with a BrandInsights signing key and a clock whose "today" is <see cref="Today"/> (2025-01-15, the document's
/// date), plus <see cref="TestMarket"/>, a small hand-made market seeded once per test class.
/// </summary>
public class BrandInsightsApi : ApiFactory
{
    public const string SigningKey = "test-brand-insights-signing-key-0123456789abcdef0123";
    public static readonly DateOnly Today = new(2025, 1, 15);
    readonly Lazy<Task> _market;

    public BrandInsightsApi() => _market = new(() => TestMarket.SeedAsync(this));

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [BrandInsightsAuth.SigningKeySetting] = SigningKey,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new ShiftedClock(Today.ToDateTime(new TimeOnly(8, 0)))));
    }

    /// <summary>Seeds <see cref="TestMarket"/> (once) and rolls it up.</summary>
    public Task MarketAsync() => _market.Value;

    public static string Token(string brandKey, TimeSpan? lifetime = null) =>
        BrandInsightsAuth.MintToken(SigningKey, brandKey, lifetime ?? TimeSpan.FromMinutes(10));

    public HttpClient ClientFor(string brandKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(brandKey));
        return client;
    }

    public async Task RollUpAsync(params long[] brandIds)
    {
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Command(brandIds.Length == 0 ? null : brandIds));
    }

    public async Task ExecAsync(string sql)
    {
        await using var conn = OwnerConnection();
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>Real time moved to a fixed start, so "today" is the same on every run while time still passes.</summary>
public sealed class ShiftedClock(DateTime startUtc) : TimeProvider
{
    readonly TimeSpan _shift = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc) - DateTime.UtcNow;
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
}

/// <summary>
/// Four stores, three Raw Garden products and a competitor, with "today" 2025-01-15. The figures every test expects are
/// worked out by hand in docs/brand-insights.md ("Worked example").
/// </summary>
public static class TestMarket
{
    public const string Sql = """
        insert into brandinsights.brands (id, cannabrands_id, cannabrands_slug, name) overriding system value values
            (1, 'cb_12345', 'raw-garden', 'Raw Garden'), (2, 'cb_99999', null, 'New Brand'), (3, 'cb_777', 'other-co', 'Other Co');
        insert into brandinsights.dispensaries (id, name) overriding system value values
            (1, 'Green Thumb Dispensary'), (2, 'MedMen'), (3, 'Harvest House');
        insert into brandinsights.stores (id, dispensary_id, name, slug, city, state, menu_url, last_crawled_on) overriding system value values
            (1, 1, 'Green Thumb LA', 'green-thumb-la', 'Los Angeles', 'CA', 'https://dutchie.com/dispensary/green-thumb-la', '2025-01-15'),
            (2, 2, 'MedMen Venice', 'medmen-venice', 'Venice', 'CA', 'https://dutchie.com/dispensary/medmen-venice', '2025-01-15'),
            (3, 1, 'Green Thumb Denver', 'green-thumb-denver', 'Denver', 'CO', 'https://dutchie.com/dispensary/green-thumb-denver', '2025-01-01'),
            (4, 3, 'Harvest House SF', 'harvest-house-sf', 'San Francisco', 'CA', 'https://dutchie.com/dispensary/harvest-house-sf', '2025-01-15');
        insert into brandinsights.products (id, brand_id, fingerprint, name, variant, weight, category) overriding system value values
            (1, 1, 'fp-slurm-og-1g', 'Live Resin - Slurm OG', '1g', '1g', 'Concentrates'),
            (2, 1, 'fp-blue-dream-05', 'Vape Cart - Blue Dream', '0.5g', '0.5g', 'Vapes'),
            (3, 1, 'fp-og-kush-35', 'Flower - OG Kush', '3.5g', '3.5g', 'Flower'),
            (4, 3, 'fp-other-1', 'Gummies', '10pk', '100mg', 'Edibles');
        insert into brandinsights.listings (store_id, product_id, brand_id, valid_from, valid_to, price_cents, in_stock, promo_type, discount_percent) values
            (1, 1, 1, '2024-12-01', '2025-01-10', 4000, true,  null, null),
            (1, 1, 1, '2025-01-10', '2025-01-12', 4500, true,  null, null),
            (1, 1, 1, '2025-01-12', null,         4500, true,  'percent_off', 20),
            (2, 1, 1, '2024-12-10', '2024-12-20', 5000, false, null, null),
            (2, 1, 1, '2025-01-13', null,         5000, true,  null, null),
            (3, 2, 1, '2025-01-03', null,         3000, true,  'bogo', null),
            (4, 3, 1, '2024-12-05', '2025-01-11', 2500, true,  null, null),
            (1, 3, 1, '2024-12-05', '2024-12-25', 2600, true,  'dollar_off', 10),
            (1, 4, 3, '2024-12-01', null,         9999, true,  'other', 5);
        """;

    public static async Task SeedAsync(BrandInsightsApi api)
    {
        await api.ExecAsync(Sql);
        await api.RollUpAsync();
    }
}
