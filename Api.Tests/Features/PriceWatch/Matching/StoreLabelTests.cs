using System.Net;
using Api.Features.PriceWatch.Common.Matching;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.PriceWatch.Matching;

/// <summary>A vendor field that names the shop, not a brand, does not block every match of that catalog.</summary>
public sealed class StoreLabelTests(PriceWatchFactory api) : IClassFixture<PriceWatchFactory>
{
    static List<(string Name, string? Vendor)> Catalog(string? vendor, params string[] names) => names.Select(n => (n, vendor)).ToList();

    static readonly string[] Listings =
    [
        "Panasonic KX-TGA670B Cordless Handset", "Sony WH-1000XM4 Headphones", "Logitech MX Master 3 Mouse", "Garmin Nuvi 255W GPS",
        "Canon PG-245 Ink Cartridge", "Samsung EVO 64GB microSD", "Anker PowerCore 10000", "JBL Flip 5 Speaker",
        "Belkin 6-Outlet Surge Protector", "Philips Sonicare 4100",
    ];

    [Fact]
    public void A_vendor_on_most_of_a_catalog_that_the_other_side_never_names_is_a_store_label()
    {
        var ours = Catalog("Panasonic", "Panasonic KX-TGA670B Handset").Concat(Catalog("Sony", "Sony WH-1000XM4")).ToList();
        Assert.Equal(["rival outlet"], Brands.StoreLabels(Catalog("Rival Outlet", Listings), ours));
        // a one-brand store whose brand we also carry keeps it
        Assert.Empty(Brands.StoreLabels(Catalog("Panasonic", Listings), ours));
        // ... also when we name it only in titles
        Assert.Empty(Brands.StoreLabels(Catalog("Panasonic", Listings), Catalog(null, "Panasonic cordless phone")));
        // under 80 % of the catalog, or under 10 products: no label
        var mixed = Catalog("Rival Outlet", Listings[..7]).Concat(Catalog("Sony", Listings[7..])).ToList();
        Assert.Empty(Brands.StoreLabels(mixed, ours));
        Assert.Empty(Brands.StoreLabels(Catalog("Rival Outlet", Listings[..9]), ours));
        Assert.Null(Brands.BrandVendor("Rival  Outlet", ["rival outlet"]));
        Assert.Equal("Sony", Brands.BrandVendor("Sony", ["rival outlet"]));
    }

    [Fact]
    public async Task A_competitor_whose_every_vendor_field_is_its_own_name_still_gets_matched()
    {
        var t = await PwTenant.CreateAsync(api, "free");
        var competitor = await PwData.SeedAsync(api, t.Id, "https://rival.example", Listings.Select(n => (n, 10m, 10m)).ToArray());
        await Pw.ExecAsync(api, t.Id, "update pricewatch.product_tracking set vendor = 'Rival Outlet' where competitor_id = @c", ("c", competitor));
        var i = 0;
        foreach (var (title, vendor) in new[] { ("Panasonic KX-TGA670B Cordless Handset", "Panasonic"), ("Sony WH-1000XM4 Wireless Headphones", "Sony") })
            await Pw.ExecAsync(api, t.Id, "insert into pricewatch.brand_products (tenant_id, shopify_variant_id, title, vendor, price) values (@t, @v, @n, @vn, 10)",
                ("t", t.Id), ("v", $"v{i++}"), ("n", title), ("vn", vendor));

        var rsp = await t.Client().PostJson("/pricewatch/api/match", new { method = "fuzzy" });
        Assert.Equal(HttpStatusCode.Accepted, rsp.StatusCode);
        var status = await t.WaitForSessionAsync($"/pricewatch/api/match/status/{(string)(await rsp.Json())["session_id"]!}");
        Assert.Equal("completed", (string?)status["status"]);
        // read as a brand, "Rival Outlet" conflicted with Panasonic and Sony and nothing matched
        Assert.Equal(2, (int)status["matches_found"]!);
    }
}
