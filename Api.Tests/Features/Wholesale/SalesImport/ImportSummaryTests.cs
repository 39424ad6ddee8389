using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Api.Tests.Features.Wholesale.SalesCallingList;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.SalesImport;

/// <summary>
/// The transactions import inserts its orders and their lines in one statement; since 0029 the sales-daily trigger does not
/// lock the orders its own transaction wrote. The summaries it keeps (product_sales_daily, the running window) and the
/// report change log must still equal the plain computation from the imported lines.
/// </summary>
public sealed class ImportSummaryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string Header = "order_number,order_date,customer_name,company_name,phone,email,sku,product_name,quantity,unit_price,do_not_call\n";

    [Fact]
    public async Task An_import_keeps_the_daily_summary_the_window_and_the_change_log_exact()
    {
        var rep = await api.CreateStaffAsync("sales_rep");
        var c = await api.StaffClientAsync(rep);
        var skus = new string[3];
        var products = new long[3];
        for (var i = 0; i < skus.Length; i++) products[i] = await api.CreateProductAsync(sku: skus[i] = WsKit.Unique("IMPSUM-"), stock: 0);
        // something already sold today of the first product, by another transaction: the import adds to it
        var earlier = await api.Scalar<long>("insert into wholesale.orders (order_number, status) values ($1, 'delivered') returning id", WsKit.Unique("IMPSUM-O-"));
        await api.Exec("insert into wholesale.order_items (order_id, product_id, product_name, quantity, unit_price, line_total) values ($1, $2, 'x', 5, 1, 5)",
            earlier, products[0]);

        // 60 orders over the last 120 days (some outside the 90-day window), 1 to 4 lines each, repeated products, one unlinked line
        var rnd = new Random(14);
        var today = DateTime.UtcNow.Date;
        var csv = new StringBuilder(Header);
        var numbers = new List<string>();
        for (var n = 0; n < 60; n++)
        {
            var number = WsKit.Unique("IMPSUM-");
            numbers.Add(number);
            var day = today.AddDays(-rnd.Next(0, 120)).ToString("yyyy-MM-dd");
            var phone = SalesKit.Phone();
            for (var l = rnd.Next(1, 5); l > 0; l--)
                csv.Append($"{number},{day},Pat Buyer,Summary Bistro,{phone},,{skus[rnd.Next(skus.Length)]},,{rnd.Next(1, 20)},2.50,\n");
        }
        csv.Append($"{numbers[0]},{today:yyyy-MM-dd},Pat Buyer,Summary Bistro,,,,Not In The Catalog,3,1,\n");

        var rsp = await c.PostAsync($"{WsKit.Base}/api/sales/import-transactions", SalesKit.Csv(csv.ToString()));
        var body = await rsp.Content.ReadAsStringAsync();
        Assert.True(rsp.StatusCode == HttpStatusCode.Accepted, body);
        var job = (long)JsonNode.Parse(body)!["job_id"]!;
        JsonNode status;
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            status = await (await c.GetAsync($"{WsKit.Base}/api/sales/import-status/{job}")).Json();
            if ((string)status["status"]! is "completed" or "failed") break;
            Assert.True(DateTime.UtcNow < until, status.ToJsonString());
            await Task.Delay(100);
        }
        Assert.Equal("completed", (string)status["status"]!);
        Assert.Equal(60, (int)status["orders_created"]!);

        // day by day, per product, against the lines
        Assert.Equal(0L, await api.Scalar<long>("""
            select count(*) from (
                select i.product_id, (o.created_at at time zone 'UTC')::date as day, sum(i.quantity)::bigint as units
                from wholesale.orders o join wholesale.order_items i on i.order_id = o.id
                where i.product_id = any($1) and o.status <> 'cancelled' and o.deleted_at is null group by 1, 2
            ) t full join (select product_id, day, units from wholesale.product_sales_daily where product_id = any($1) and units <> 0) d
              using (product_id, day)
            where t.units is distinct from d.units
            """, products));
        Assert.True(await api.Scalar<long>("select count(*) from wholesale.product_sales_daily where product_id = any($1)", products) > 10);
        // the running window equals the daily rows from from_day on
        Assert.Equal(0L, await api.Scalar<long>("""
            select count(*) from (
                select product_id, sum(units) as units from wholesale.product_sales_daily
                where product_id = any($1) and day >= (select from_day from wholesale.product_sales_window_state)
                group by 1 having sum(units) <> 0
            ) d full join (select product_id, units from wholesale.product_sales_window where product_id = any($1) and units <> 0) w
              using (product_id)
            where d.units is distinct from w.units
            """, products));
        // the import's transaction logged one change, dated from its oldest order
        Assert.Equal(1L, await api.Scalar<long>("""
            select count(*) from wholesale.report_changes c
            where c.xid::xid = (select min(o.xmin::text::bigint)::text::xid from wholesale.orders o where o.order_number = any($1))
              and c.since = (select min(o.created_at) from wholesale.orders o where o.order_number = any($1))
            """, new object[] { numbers.ToArray() }));
    }
}
