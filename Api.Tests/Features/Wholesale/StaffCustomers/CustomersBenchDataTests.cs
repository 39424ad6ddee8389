using System.Net;
using Api.Infrastructure.Cli;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Api.Tests.Features.Wholesale.StaffCustomers.StaffKit;

namespace Api.Tests.Features.Wholesale.StaffCustomers;

/// <summary>The bench data command (wholesale-customers-bench-data) at a tiny scale: what it loads, and a second run loading nothing.</summary>
public sealed class CustomersBenchDataTests(StaffCustomersApi api) : IClassFixture<StaffCustomersApi>
{
    [Fact]
    public async Task Loads_customers_and_orders_once_and_the_export_streams_them()
    {
        var command = api.Services.GetServices<ICliCommand>().Single(c => c.Name == "wholesale-customers-bench-data");
        var args = new Dictionary<string, string> { ["customers"] = "300", ["orders"] = "1500" };
        Assert.Equal(0, await command.RunAsync(api.Services, args, CancellationToken.None));
        Assert.Equal(300, await api.Scalar<long>("select count(*) from wholesale.customers where email like '%@bench-customers.example'"));
        Assert.Equal(300, await api.Scalar<long>("select count(distinct phone) from wholesale.customers where email like '%@bench-customers.example'"));
        Assert.Equal(1500, await api.Scalar<long>("""
            select count(*) from wholesale.orders o join wholesale.customers c on c.id = o.customer_id
            where o.order_number like 'LLD-WC%' and c.email like '%@bench-customers.example' and o.created_at >= c.created_at
            """));
        Assert.Equal(0, await command.RunAsync(api.Services, args, CancellationToken.None));   // already loaded: nothing added
        Assert.Equal(1500, await api.Scalar<long>("select count(*) from wholesale.orders where order_number like 'LLD-WC%'"));

        var staff = await api.StaffClientAsync("staff");
        var export = await staff.GetAsync($"{B}/api/staff/customers/export-csv");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var lines = (await export.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal(300, lines.Count(l => l.Contains("@bench-customers.example")));
        Assert.Contains(lines, l => l.Contains("@bench-customers.example") && l.Contains("'=SUM("));
    }
}
