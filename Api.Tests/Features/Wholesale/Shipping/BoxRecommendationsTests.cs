using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.Shipping;

/// <summary>Box rules CRUD, product search and the for-order packing plan.</summary>
public sealed class BoxRecommendationsTests(ShippingFactory api) : IClassFixture<ShippingFactory>
{
    const string Rules = $"{WsKit.Base}/api/shipping/box-recommendations";

    async Task<long> ProductAsync(decimal? l, decimal? w, decimal? h, decimal? lb, string? name = null)
    {
        var id = await api.CreateProductAsync(name: name);
        await api.Exec("update wholesale.products set box_length_in = $2, box_width_in = $3, box_height_in = $4, weight_lb = $5 where id = $1", id, l, w, h, lb);
        return id;
    }

    [Fact]
    public async Task Rules_are_created_listed_updated_and_deleted_with_checks()
    {
        var client = await api.StaffClientAsync("staff");
        var product = await api.CreateProductAsync(name: WsKit.Unique("Napkins "));
        var created = await ShipKit.Ok(await client.PostJson(Rules, new { product_id = product, qty_per_box = 12, box_name = "Case", length_in = 16, width_in = 12, height_in = 10, notes = "double wall" }),
            HttpStatusCode.Created);
        Assert.True((bool)created["success"]!);
        var rule = created["box_recommendation"]!;
        var id = (long)rule["id"]!;
        Assert.Equal(product, (long)rule["product_id"]!);
        Assert.Equal(12, (int)rule["qty_per_box"]!);
        Assert.Equal(16m, (decimal)rule["length_in"]!);
        Assert.Contains((await ShipKit.Ok(await client.GetAsync(Rules)))["box_recommendations"]!.AsArray(), r => (long)r!["id"]! == id);

        var updated = await ShipKit.Ok(await client.PutJson($"{Rules}/{id}", new { qty_per_box = 24, notes = "pallet" }));
        Assert.Equal(24, (int)updated["box_recommendation"]!["qty_per_box"]!);
        Assert.Equal("Case", (string?)updated["box_recommendation"]!["box_name"]);
        Assert.Equal("pallet", (string?)updated["box_recommendation"]!["notes"]);

        var bad = await ShipKit.Fails(await client.PostJson(Rules, new { qty_per_box = 0, length_in = -1, width_in = 2, height_in = 2 }), HttpStatusCode.BadRequest);
        var details = bad["details"]!.ToJsonString();
        foreach (var f in new[] { "product_id", "qty_per_box", "length_in" }) Assert.Contains(f, details);
        bad = await ShipKit.Fails(await client.PostJson(Rules, new { product_id = 987654321 }), HttpStatusCode.BadRequest);
        Assert.Contains("product_id", bad["details"]!.ToJsonString());
        await ShipKit.Fails(await client.PutJson($"{Rules}/{id}", new { product_id = 987654321 }), HttpStatusCode.BadRequest);
        await ShipKit.Fails(await client.PutJson($"{Rules}/{id}", new { height_in = 0 }), HttpStatusCode.BadRequest);
        await ShipKit.Fails(await client.PutJson($"{Rules}/99999999", new { qty_per_box = 2 }), HttpStatusCode.NotFound);

        Assert.True((bool)(await ShipKit.Ok(await client.DeleteAsync($"{Rules}/{id}")))["success"]!);
        await ShipKit.Fails(await client.DeleteAsync($"{Rules}/{id}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync(Rules)).StatusCode);
    }

    [Fact]
    public async Task Products_are_searched_by_name_or_sku()
    {
        var client = await api.StaffClientAsync("staff");
        var name = WsKit.Unique("Zebra Cups ");
        var id = await ProductAsync(10, 8, 6, 2, name);
        var hits = (await ShipKit.Ok(await client.GetAsync($"{Rules}/products?q={Uri.EscapeDataString(name.ToUpperInvariant())}&limit=5")))["products"]!.AsArray();
        var hit = Assert.Single(hits)!;
        Assert.Equal(id, (long)hit["id"]!);
        Assert.Equal(10m, (decimal)hit["box_length_in"]!);
        Assert.True((await ShipKit.Ok(await client.GetAsync($"{Rules}/products")))["products"]!.AsArray().Count <= 20);
        await ShipKit.Fails(await client.GetAsync($"{Rules}/products?limit=0"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task For_order_returns_the_rules_and_a_packing_plan()
    {
        var client = await api.StaffClientAsync("staff");
        var cups = await ProductAsync(6, 6, 6, 1);            // 8 of them fill a 12x12x12 exactly, but the catalog has 12x10x8
        var cartoned = await ProductAsync(2, 2, 2, 0.5m);
        var bare = await ProductAsync(null, null, null, null);
        var huge = await ProductAsync(48, 6, 6, 10);
        await ShipKit.Ok(await client.PostJson(Rules, new { product_id = cartoned, qty_per_box = 10, box_name = "Inner", length_in = 8, width_in = 6, height_in = 4 }), HttpStatusCode.Created);

        var plan = await ShipKit.Ok(await client.PostJson($"{Rules}/for-order", new
        {
            items = new object[] { new { product_id = cups, quantity = 2 }, new { product_id = cartoned, quantity = 15 }, new { product_id = bare, quantity = 1 }, new { product_id = huge, quantity = 1 } },
        }));
        var rules = plan["rules"]!.AsArray();
        Assert.Equal(cartoned, (long)Assert.Single(rules)!["product_id"]!);
        var packing = plan["packing"]!;
        Assert.True((bool)packing["has_oversize"]!);
        var boxes = packing["boxes"]!.AsArray();
        var alone = Assert.Single(boxes, b => (bool)b!["oversize"]!)!;
        Assert.Equal(huge, (long)alone["items"]![0]!["product_id"]!);
        Assert.Contains("ships alone", (string?)alone["note"]);
        var packed = boxes.Where(b => !(bool)b!["oversize"]!).SelectMany(b => b!["items"]!.AsArray()).ToList();
        Assert.Equal(2, packed.Count(i => (long)i!["product_id"]! == cups));
        var cartons = packed.Where(i => (long)i!["product_id"]! == cartoned).ToList();
        Assert.Equal([10, 5], cartons.Select(c => (int)c!["units"]!).OrderDescending());
        Assert.Equal(bare, (long)Assert.Single(packing["unpacked"]!.AsArray())!["product_id"]!);
        Assert.Equal(boxes.Count, (int)packing["box_count"]!);
        Assert.Equal(19.5, (double)packing["total_weight_lb"]!, 3);

        var bad = await ShipKit.Fails(await client.PostJson($"{Rules}/for-order", new { items = new object[] { new { product_id = 987654321, quantity = 1 }, new { product_id = cups, quantity = 0 } } }),
            HttpStatusCode.BadRequest);
        Assert.Contains("quantity", bad["details"]!.ToJsonString());
        bad = await ShipKit.Fails(await client.PostJson($"{Rules}/for-order", new { items = new object[] { new { product_id = 987654321, quantity = 1 } } }), HttpStatusCode.BadRequest);
        Assert.Contains("items[0].product_id", bad["details"]!.ToJsonString());
        await ShipKit.Fails(await client.PostJson($"{Rules}/for-order", new { items = Array.Empty<object>() }), HttpStatusCode.BadRequest);
    }
}
