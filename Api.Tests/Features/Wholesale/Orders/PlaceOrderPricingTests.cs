using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.Orders;

/// <summary>
/// wholesale.place_order resolves and prices the lines in the database (one round trip per order). These tests hold its
/// answers to the plain computation from the catalog rows: lines merged per product in order of first appearance, the bulk
/// price from bulk_quantity up, line totals rounded to cents, the fee below 300; and its refusals to the documented ones.
/// </summary>
public sealed class PlaceOrderPricingTests(OrdersFactory api) : IClassFixture<OrdersFactory>
{
    const string Orders = $"{WsKit.Base}/api/orders";

    sealed record Catalog(long Id, string Sku, string Name, decimal UnitPrice, decimal? BulkPrice, int? BulkQuantity, decimal? Cost, int? Stock);

    [Fact]
    public async Task Random_orders_match_the_plain_computation_from_the_catalog()
    {
        var rnd = new Random(12);
        var catalog = new List<Catalog>();
        for (var i = 0; i < 8; i++)
        {
            var price = Math.Round((decimal)rnd.Next(1, 9000) / 100m, 2);
            decimal? bulk = i % 3 == 0 ? null : Math.Round(price * 0.9m, 2);
            int? bulkQty = bulk is null ? null : rnd.Next(2, 6);
            int? stock = i % 2 == 0 ? 1_000 : null;
            var sku = WsKit.Unique("PRICE-");
            var id = await api.CreateProductAsync(unitPrice: price, bulkPrice: bulk, bulkQuantity: bulkQty, stock: stock, sku: sku,
                cost: i % 4 == 0 ? null : Math.Round(price / 2, 2));
            catalog.Add(new Catalog(id, sku, await api.Scalar<string>("select name from wholesale.products where id = $1", id), price, bulk, bulkQty,
                i % 4 == 0 ? null : Math.Round(price / 2, 2), stock));
        }

        for (var n = 0; n < 30; n++)
        {
            // 1 to 6 lines, repeats allowed (they merge), each by id or by SKU in another case with spaces around
            var lines = Enumerable.Range(0, rnd.Next(1, 7)).Select(_ => (Product: catalog[rnd.Next(catalog.Count)], Qty: rnd.Next(1, 8), BySku: rnd.Next(2) == 0)).ToList();
            object[] items = lines.Select(l => l.BySku ? (object)new { sku = $"  {l.Product.Sku.ToLowerInvariant()} ", quantity = l.Qty } : new { product_id = l.Product.Id, quantity = l.Qty }).ToArray();
            var order = await OrderKit.PlaceAsync(api.CreateClient(), OrderKit.Delivery(items));

            // the plain computation
            var merged = lines.GroupBy(l => l.Product.Id).Select(g => (g.First().Product, Qty: g.Sum(x => x.Qty))).ToList();
            var expected = merged.Select(m =>
            {
                var bulk = m.Product.BulkPrice is not null && m.Product.BulkQuantity is { } bq && m.Qty >= bq;
                var price = bulk ? m.Product.BulkPrice!.Value : m.Product.UnitPrice;
                return (m.Product, m.Qty, Price: price, Bulk: bulk, Total: decimal.Round(price * m.Qty, 2, MidpointRounding.AwayFromZero));
            }).ToList();
            var subtotal = expected.Sum(e => e.Total);
            var fee = subtotal >= 300m ? 0m : 25m;

            Assert.Equal(subtotal, (decimal)order["subtotal"]!);
            Assert.Equal(fee, (decimal)order["delivery_fee"]!);
            Assert.Equal(subtotal + fee, (decimal)order["total_amount"]!);
            var got = order["items"]!.AsArray();
            Assert.Equal(expected.Count, got.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                var (e, g) = (expected[i], got[i]!);
                Assert.Equal(e.Product.Id, (long)g["product_id"]!);
                Assert.Equal(e.Product.Sku, (string)g["product_sku"]!);
                Assert.Equal(e.Product.Name, (string)g["product_name"]!);
                Assert.Equal("TestBrand", (string?)g["product_brand"]);
                Assert.Equal("1 case", (string?)g["product_unit_size"]);
                Assert.Equal(e.Qty, (int)g["quantity"]!);
                Assert.Equal(e.Price, (decimal)g["unit_price"]!);
                Assert.Equal(e.Bulk, (bool)g["is_bulk_price"]!);
                Assert.Equal(e.Total, (decimal)g["line_total"]!);
            }

            // and what was stored is what was answered
            var id = (long)order["id"]!;
            Assert.Equal(subtotal + fee, await api.Scalar<decimal>("select total_amount from wholesale.orders where id = $1 and subtotal = $2 and delivery_fee = $3", id, subtotal, fee));
            foreach (var e in expected)
            {
                Assert.Equal(1L, await api.Scalar<long>("""
                    select count(*) from wholesale.order_items
                     where order_id = $1 and product_id = $2 and quantity = $3 and unit_price = $4 and is_bulk_price = $5 and line_total = $6
                       and unit_cost is not distinct from $7 and product_sku = $8
                    """, id, e.Product.Id, e.Qty, e.Price, e.Bulk, e.Total, e.Product.Cost, e.Product.Sku));
                if (e.Product.Stock is not null)
                    Assert.Equal(-e.Qty, await api.Scalar<int>("select delta from wholesale.inventory_ledger where order_id = $1 and product_id = $2", id, e.Product.Id));
            }
            Assert.Equal((long)expected.Count, await api.Scalar<long>("select count(*) from wholesale.order_items where order_id = $1", id));
        }
    }

    [Fact]
    public async Task Each_unknown_line_is_named_and_nothing_is_written()
    {
        var good = await api.CreateProductAsync(unitPrice: 4m, stock: 10);
        var inactiveSku = WsKit.Unique("OFF-");
        var inactive = await api.CreateProductAsync(sku: inactiveSku);
        await api.Exec("update wholesale.products set is_active = false where id = $1", inactive);
        var deleted = await api.CreateProductAsync();
        await api.Exec("update wholesale.products set deleted_at = now() where id = $1", deleted);

        var rsp = await api.CreateClient().PostJson(Orders, OrderKit.Delivery([
            new { product_id = good, quantity = 1 }, new { product_id = 987654321L, quantity = 1 }, new { sku = "NO-SUCH-SKU", quantity = 1 },
            new { sku = inactiveSku, quantity = 1 }, new { product_id = deleted, quantity = 1 }]));
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        var details = (await rsp.Json())["details"]!.AsObject();
        Assert.Null(details["items[0].product_id"]);
        Assert.NotNull(details["items[1].product_id"]);
        Assert.NotNull(details["items[2].sku"]);
        Assert.NotNull(details["items[3].sku"]);
        Assert.NotNull(details["items[4].product_id"]);
        Assert.Equal(10, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", good));
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.order_items where product_id = $1", good));
    }

    [Fact]
    public async Task A_merged_quantity_over_the_limit_is_400()
    {
        var p = await api.CreateProductAsync(unitPrice: 1m, stock: 100_000);
        var rsp = await api.CreateClient().PostJson(Orders, OrderKit.Delivery([new { product_id = p, quantity = 6_000 }, new { product_id = p, quantity = 5_000 }]));
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        Assert.NotNull((await rsp.Json())["details"]!["items"]);
        Assert.Equal(100_000, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", p));

        // exactly the limit, in two lines of one product, is one line of 10,000
        var order = await OrderKit.PlaceAsync(api.CreateClient(), OrderKit.Delivery([new { product_id = p, quantity = 6_000 }, new { product_id = p, quantity = 4_000 }]));
        var line = Assert.Single(order["items"]!.AsArray())!;
        Assert.Equal(10_000, (int)line["quantity"]!);
        Assert.Equal(90_000, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", p));
    }

    [Fact]
    public async Task An_untracked_product_marked_out_of_stock_is_a_short_line_with_nothing_available()
    {
        var tracked = await api.CreateProductAsync(unitPrice: 2m, stock: 3);
        var untracked = await api.CreateProductAsync(unitPrice: 2m);
        await api.Exec("update wholesale.products set in_stock = false where id = $1", untracked);
        var rsp = await api.CreateClient().PostJson(Orders, OrderKit.Delivery([new { product_id = tracked, quantity = 1 }, new { product_id = untracked, quantity = 2 }]));
        Assert.Equal(HttpStatusCode.Conflict, rsp.StatusCode);
        JsonNode shortLine = Assert.Single((await rsp.Json())["details"]!["short_items"]!.AsArray())!;
        Assert.Equal(untracked, (long)shortLine["product_id"]!);
        Assert.Equal(2, (int)shortLine["requested"]!);
        Assert.Equal(0, (int)shortLine["available"]!);
        Assert.Equal(3, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", tracked));
    }
}
