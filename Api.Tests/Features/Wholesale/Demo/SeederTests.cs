using Api.Infrastructure.Demo;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.Demo;

public sealed class SeederTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Seeds_the_documented_demo_business_once()
    {
        await DemoData.SeedAsync(api.Services, CancellationToken.None);
        await DemoData.SeedAsync(api.Services, CancellationToken.None);   // idempotent

        Assert.Equal(4L, await api.Scalar<long>("select count(distinct role) from wholesale.staff_users"));
        Assert.Equal(600L, await api.Scalar<long>("select count(*) from wholesale.customers"));
        Assert.Equal(60L, await api.Scalar<long>("select count(*) from wholesale.customers where payment_terms = 'net30' and account_approved"));
        Assert.Equal(1500L, await api.Scalar<long>("select count(*) from wholesale.products"));
        var orders = await api.Scalar<long>("select count(*) from wholesale.orders");
        Assert.InRange(orders, 12_000L, 18_000L);
        Assert.True(await api.Scalar<bool>("select min(created_at) < now() - interval '600 days' from wholesale.orders"));
        Assert.True(await api.Scalar<bool>("select exists (select from wholesale.orders o join wholesale.customers c on c.id = o.customer_id where o.order_number = 'LLD-DEMO000001' and c.username = 'demo_bistro')"));
        Assert.True(await api.Scalar<long>("select count(*) from wholesale.invoices") > 500);
        Assert.Equal(0L, await api.Scalar<long>("""
            select count(*) from wholesale.orders o
             where o.subtotal <> (select sum(line_total) from wholesale.order_items i where i.order_id = o.id)
            """));
        Assert.Equal(3L, await api.Scalar<long>("select count(*) from wholesale.bills where extraction_status = 'completed'"));
        // the sequences continue after the fixed ids
        Assert.True(await api.Scalar<long>("insert into wholesale.categories (name) values ('After seed') returning id") > 12);
    }
}
