using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.Orders;

public sealed class StockConcurrencyTests(OrdersFactory api) : IClassFixture<OrdersFactory>
{
    [Fact]
    public async Task Fifty_parallel_buyers_of_ten_units_buy_exactly_ten()
    {
        var p = await api.CreateProductAsync(unitPrice: 3m, stock: 10);
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
            (await api.CreateClient().PostJson($"{WsKit.Base}/api/orders", OrderKit.Delivery([new { product_id = p, quantity = 1 }]))).StatusCode));

        Assert.Equal(10, results.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(40, results.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(0, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", p));
        Assert.False(await api.Scalar<bool>("select in_stock from wholesale.products where id = $1", p));
        Assert.Equal(10L, await api.Scalar<long>("select count(*) from wholesale.order_items where product_id = $1", p));
        // the ledger balances: ten movements of -1, from 9 down to 0, each tied to an order
        Assert.Equal(-10L, await api.Scalar<long>("select sum(delta) from wholesale.inventory_ledger where product_id = $1", p));
        Assert.Equal(10L, await api.Scalar<long>("select count(distinct balance_after) from wholesale.inventory_ledger where product_id = $1", p));
        Assert.Equal(0, await api.Scalar<int>("select min(balance_after) from wholesale.inventory_ledger where product_id = $1", p));
        Assert.Equal(10L, await api.Scalar<long>("select count(distinct order_id) from wholesale.inventory_ledger where product_id = $1", p));
    }

    [Fact]
    public async Task Parallel_multi_line_orders_for_the_last_units_are_all_or_nothing()
    {
        // 40 buyers want 1 of the scarce product (10 left), 2 of a plentiful one and 1 untracked: ten orders go through whole;
        // the thirty refused ones reserve nothing of the plentiful product and write no order, line or ledger row
        var scarce = await api.CreateProductAsync(unitPrice: 2m, stock: 10);
        var plenty = await api.CreateProductAsync(unitPrice: 1m, stock: 100);
        var untracked = await api.CreateProductAsync(unitPrice: 1m);
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            object[] items = i % 2 == 0
                ? [new { product_id = plenty, quantity = 2 }, new { product_id = scarce, quantity = 1 }, new { product_id = untracked, quantity = 1 }]
                : [new { product_id = untracked, quantity = 1 }, new { product_id = scarce, quantity = 1 }, new { product_id = plenty, quantity = 2 }];
            var rsp = await api.CreateClient().PostJson($"{WsKit.Base}/api/orders", OrderKit.Delivery(items));
            if (rsp.StatusCode == HttpStatusCode.Conflict)
            {
                var shortLine = Assert.Single((await rsp.Json())["details"]!["short_items"]!.AsArray())!;
                Assert.Equal(scarce, (long)shortLine["product_id"]!);
                Assert.Equal(0, (int)shortLine["available"]!);
            }
            return rsp.StatusCode;
        }));

        Assert.Equal(10, results.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(30, results.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(0, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", scarce));
        Assert.Equal(80, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", plenty));
        Assert.Equal(-10L, await api.Scalar<long>("select sum(delta) from wholesale.inventory_ledger where product_id = $1", scarce));
        Assert.Equal(-20L, await api.Scalar<long>("select sum(delta) from wholesale.inventory_ledger where product_id = $1", plenty));
        Assert.Equal(10L, await api.Scalar<long>("select count(*) from wholesale.inventory_ledger where product_id = $1", plenty));
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.inventory_ledger where product_id = $1", untracked));
        Assert.Equal(10L, await api.Scalar<long>("select count(*) from wholesale.order_items where product_id = $1", untracked));
        // each placed order holds its three lines, and its two ledger rows name it
        Assert.Equal(10L, await api.Scalar<long>("""
            select count(*) from (select i.order_id from wholesale.order_items i where i.product_id = $1) o
             where (select count(*) from wholesale.order_items x where x.order_id = o.order_id) = 3
               and (select count(*) from wholesale.inventory_ledger l where l.order_id = o.order_id and l.reason = 'order_reserved') = 2
            """, untracked));
    }

    [Fact]
    public async Task Orders_locking_the_same_products_in_opposite_line_order_do_not_deadlock()
    {
        var a = await api.CreateProductAsync(unitPrice: 1m, stock: 100);
        var b = await api.CreateProductAsync(unitPrice: 1m, stock: 100);
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            object[] items = i % 2 == 0 ? [new { product_id = a, quantity = 1 }, new { product_id = b, quantity = 2 }]
                                        : [new { product_id = b, quantity = 2 }, new { product_id = a, quantity = 1 }];
            return (await api.CreateClient().PostJson($"{WsKit.Base}/api/orders", OrderKit.Delivery(items))).StatusCode;
        }));
        Assert.All(results, s => Assert.Equal(HttpStatusCode.Created, s));
        Assert.Equal(80, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", a));
        Assert.Equal(60, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", b));
    }
}
