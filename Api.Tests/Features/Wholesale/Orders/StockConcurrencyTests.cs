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
