using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Features.Wholesale.SalesCallingList;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.SalesImport;

public sealed class ImportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string Header = "order_number,order_date,customer_name,company_name,phone,email,sku,product_name,quantity,unit_price,do_not_call\n";

    static async Task<long> UploadAsync(HttpClient c, string csv)
    {
        var rsp = await c.PostAsync($"{WsKit.Base}/api/sales/import-transactions", SalesKit.Csv(csv));
        var body = await rsp.Content.ReadAsStringAsync();
        Assert.True(rsp.StatusCode == HttpStatusCode.Accepted, body);
        return (long)JsonNode.Parse(body)!["job_id"]!;
    }

    static async Task<JsonNode> WaitAsync(HttpClient c, long jobId, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var status = await (await c.GetAsync($"{WsKit.Base}/api/sales/import-status/{jobId}")).Json();
            if ((string)status["status"]! is "completed" or "failed") return status;
            Assert.True(DateTime.UtcNow < until, $"import {jobId} still {status.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Imports_orders_matches_customers_and_products_and_skips_on_reupload()
    {
        var rep = await api.CreateStaffAsync("sales_rep");
        var c = await api.StaffClientAsync(rep);
        var sku = WsKit.Unique("IMP-");
        var product = await api.CreateProductAsync(sku: sku, stock: 10);
        var named = WsKit.Unique("Named Product ");
        var namedId = await api.CreateProductAsync(name: named, stock: 5);
        var knownPhone = SalesKit.Phone();
        var known = await api.CreateCustomerAsync(phone: knownPhone);
        var newPhone = SalesKit.Phone();
        var (o1, o2, o3, o4) = (WsKit.Unique("H-"), WsKit.Unique("H-"), WsKit.Unique("H-"), WsKit.Unique("H-"));
        var csv = Header +
                  $"{o1},2025-01-15,Pat Buyer,Test Bistro,{knownPhone},,{sku},,2,38.50,\n" +
                  $"{o1},2025-01-15,Pat Buyer,Test Bistro,{knownPhone},,,{named.ToUpperInvariant()},1,10,\n" +
                  $"{o2},2025-02-03,Sam Chen,Golden Wok,{newPhone},sam@wok.test,,Mystery Item,3,36.00,yes\n" +
                  $"{o3},2025-02-04,Sam Chen,Golden Wok,{newPhone},,{sku},,1,5,\n" +
                  $"{o4},not-a-date,X,Y,,,{sku},,1,5,\n" +
                  $"{o4},2025-02-05,X,Y,,,{sku},,1,5,\n";
        var jobId = await UploadAsync(c, csv);
        var status = await WaitAsync(c, jobId);
        Assert.Equal("completed", (string)status["status"]!);
        Assert.Equal(3, (int)status["orders_created"]!);
        Assert.Equal(1, (int)status["customers_created"]!);
        Assert.Equal(1, (int)status["unlinked_items"]!);
        Assert.Equal(1, (int)status["error_count"]!);
        Assert.Equal(6L, (long)status["processed"]!);
        Assert.Equal(6, (int)status["errors"]![0]!["line"]!);

        Assert.Equal(known.Id, await api.Scalar<long>("select customer_id from wholesale.orders where order_number = $1", o1));
        Assert.Equal(87.00m, await api.Scalar<decimal>("select total_amount from wholesale.orders where order_number = $1", o1));
        Assert.Equal(namedId, await api.Scalar<long>("select product_id from wholesale.order_items i join wholesale.orders o on o.id = i.order_id where o.order_number = $1 and i.unit_price = 10", o1));
        var newCustomer = await api.Scalar<long>("select customer_id from wholesale.orders where order_number = $1", o2);
        Assert.Equal(newCustomer, await api.Scalar<long>("select customer_id from wholesale.orders where order_number = $1", o3));
        Assert.Equal("imported", await api.Scalar<string>("select kind from wholesale.customers where id = $1", newCustomer));
        Assert.True(await api.Scalar<bool>("select do_not_call from wholesale.customers where id = $1", newCustomer));
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.orders where order_number = $1", o4));   // a bad line leaves its order out whole
        Assert.Equal(10, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", product));   // no stock moved
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.sales_import_rows"));

        var again = await WaitAsync(c, await UploadAsync(c, csv));
        Assert.Equal(0, (int)again["orders_created"]!);
        Assert.Equal(3, (int)again["skipped"]!);
        Assert.Equal(0, (int)again["customers_created"]!);

        // another rep cannot see the job; a manager can
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.StaffClientAsync("sales_rep")).GetAsync($"{WsKit.Base}/api/sales/import-status/{jobId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await api.StaffClientAsync("manager")).GetAsync($"{WsKit.Base}/api/sales/import-status/{jobId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"{WsKit.Base}/api/sales/import-status/abc")).StatusCode);
    }

    /// <summary>The first line of an order names its customer, wherever the order's other lines are in the file and whatever
    /// they say (the job carries the first line's fields as it streams; the staged rows are no longer updated).</summary>
    [Fact]
    public async Task An_orders_first_line_names_its_customer_even_when_its_lines_are_apart()
    {
        var c = await api.StaffClientAsync(await api.CreateStaffAsync("sales_rep"));
        var sku = WsKit.Unique("IMF-");
        await api.CreateProductAsync(sku: sku, stock: 10);
        var (p1, p2) = (SalesKit.Phone(), SalesKit.Phone());
        var (o1, o2) = (WsKit.Unique("F-"), WsKit.Unique("F-"));
        var csv = Header +
                  $"{o1},2025-03-01,Ann First,First Cafe,{p1},ann@first.test,{sku},,1,10,\n" +
                  $"{o2},2025-03-02,Bo Other,Other Diner,{p2},,{sku},,1,20,yes\n" +
                  $"{o1},2025-03-01,Someone Else,Else Bar,{p2},else@bar.test,{sku},,2,5,yes\n";
        var status = await WaitAsync(c, await UploadAsync(c, csv));
        Assert.Equal(2, (int)status["orders_created"]!);
        Assert.Equal(2, (int)status["customers_created"]!);
        Assert.Equal("Ann First|First Cafe|" + p1 + "|ann@first.test|20.00|2", await api.Scalar<string>("""
            select o.delivery_name || '|' || o.delivery_company || '|' || o.delivery_phone || '|' || o.delivery_email || '|' || o.total_amount
                   || '|' || (select count(*) from wholesale.order_items i where i.order_id = o.id)
            from wholesale.orders o where o.order_number = $1
            """, o1));
        var first = await api.Scalar<long>("select customer_id from wholesale.orders where order_number = $1", o1);
        Assert.Equal(p1, await api.Scalar<string>("select phone from wholesale.customers where id = $1", first));
        Assert.False(await api.Scalar<bool>("select do_not_call from wholesale.customers where id = $1", first));   // its own line said no
        Assert.True(await api.Scalar<bool>("select do_not_call from wholesale.customers c join wholesale.orders o on o.customer_id = c.id where o.order_number = $1", o2));
    }

    [Fact]
    public async Task Numbers_on_the_do_not_call_list_are_imported_as_do_not_call()
    {
        // issue 16: a dnc_requested outcome for a number that was no customer puts it on wholesale.do_not_call; imports honour it
        var c = await api.StaffClientAsync(await api.CreateStaffAsync("sales_rep"));
        var sku = WsKit.Unique("DNC-");
        await api.CreateProductAsync(sku: sku, stock: 10);
        var (listedNew, listedKnown) = (SalesKit.Phone(), SalesKit.Phone());
        var known = await api.CreateCustomerAsync(phone: listedKnown);
        foreach (var p in new[] { listedNew, listedKnown })
            await api.Exec("insert into wholesale.do_not_call (phone, reason) values ($1, 'asked on a call')", p);
        var (o1, o2) = (WsKit.Unique("D-"), WsKit.Unique("D-"));
        var status = await WaitAsync(c, await UploadAsync(c, Header +
            $"{o1},2025-03-01,Lee Park,Park Cafe,{listedNew},,{sku},,1,5,\n" +
            $"{o2},2025-03-02,Pat Buyer,Test Bistro,{listedKnown},,{sku},,1,5,\n"));
        Assert.Equal("completed", (string)status["status"]!);
        Assert.True(await api.Scalar<bool>("select c.do_not_call from wholesale.orders o join wholesale.customers c on c.id = o.customer_id where o.order_number = $1", o1));
        Assert.True(await api.Scalar<bool>("select do_not_call from wholesale.customers where id = $1", known.Id));
    }

    [Fact]
    public async Task A_malformed_file_fails_with_its_reason_and_the_template_downloads()
    {
        var c = await api.StaffClientAsync("staff");
        var status = await WaitAsync(c, await UploadAsync(c, "name,total\nfoo,12\n"));
        Assert.Equal("failed", (string)status["status"]!);
        Assert.Contains("order_number", (string)status["error"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await c.PostAsync($"{WsKit.Base}/api/sales/import-transactions", new MultipartFormDataContent())).StatusCode);

        var template = await c.GetAsync($"{WsKit.Base}/api/sales/import-template");
        Assert.Equal("text/csv", template.Content.Headers.ContentType!.MediaType);
        var lines = (await template.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("order_number,order_date", lines[0]);
    }
}
