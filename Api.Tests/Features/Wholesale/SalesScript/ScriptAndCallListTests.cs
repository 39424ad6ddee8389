using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.SalesScript;

public sealed class ScriptAndCallListTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_script_keeps_every_version_and_only_admins_save_it()
    {
        var manager = await api.CreateStaffAsync("manager");
        var m = await api.StaffClientAsync(manager);
        var rep = await api.StaffClientAsync("sales_rep");
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostJson($"{WsKit.Base}/api/sales/script", new { content = "Hi" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await m.PostJson($"{WsKit.Base}/api/sales/script", new { content = "" })).StatusCode);
        var saved = await (await m.PostJson($"{WsKit.Base}/api/sales/script", new { content = "Hello, this is LLD v1" })).Json();
        Assert.True((bool)saved["success"]!);
        Assert.Equal(HttpStatusCode.OK, (await m.PutJson($"{WsKit.Base}/api/sales/script", new { content = "Hello, this is LLD v2" })).StatusCode);
        var currentRsp = await rep.GetAsync($"{WsKit.Base}/api/sales/script");
        var current = await currentRsp.Json();
        Assert.True(currentRsp.IsSuccessStatusCode, current.ToJsonString());
        Assert.Equal("Hello, this is LLD v2", (string)current["content"]!);
        Assert.Equal("Test manager", (string)current["updated_by"]!);
        Assert.NotNull(current["updated_at"]);
        Assert.True(await api.Scalar<long>("select count(*) from wholesale.call_script_versions where updated_by = $1", manager.Id) == 2);
    }

    [Fact]
    public async Task The_call_list_leaves_out_do_not_call_customers_oldest_order_first()
    {
        var staff = await api.StaffClientAsync("sales_rep");
        var tag = WsKit.Unique("Cl");
        var older = await api.CreateCustomerAsync(phone: SalesCallingList.SalesKit.Phone());
        var newer = await api.CreateCustomerAsync(phone: SalesCallingList.SalesKit.Phone());
        var dnc = await api.CreateCustomerAsync(phone: SalesCallingList.SalesKit.Phone());
        await api.Exec("update wholesale.customers set company_name = $1 where id = any($2)", tag, new[] { older.Id, newer.Id, dnc.Id });
        await api.Exec("update wholesale.customers set do_not_call = true where id = $1", dnc.Id);
        await api.Exec("insert into wholesale.orders (order_number, customer_id, status, total_amount, created_at) values ($1, $2, 'delivered', 80, now() - interval '40 days')", WsKit.Unique("O-"), older.Id);
        var recent = await api.Scalar<long>("insert into wholesale.orders (order_number, customer_id, status, total_amount, created_at) values ($1, $2, 'delivered', 120, now() - interval '3 days') returning id", WsKit.Unique("O-"), newer.Id);
        await api.Exec("insert into wholesale.order_items (order_id, product_name, product_sku, quantity, unit_price, line_total) values ($1, 'Napkins', 'NAP-1', 2, 60, 120)", recent);

        var body = await (await staff.GetAsync($"{WsKit.Base}/api/sales/call-list?search={tag}")).Json();
        var rows = body["customers"]!.AsArray();
        Assert.Equal([older.Id, newer.Id], rows.Select(r => (long)r!["id"]!).ToList());
        Assert.Equal(2, (int)body["total"]!);
        Assert.Equal(1, (int)body["pages"]!);
        var n = rows[1]!;
        Assert.Equal(120m, (decimal)n["last_order_amount"]!);
        Assert.Equal("NAP-1", (string)n["last_order_items"]![0]!["sku"]!);
        Assert.Equal(1, (int)n["order_count"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"{WsKit.Base}/api/sales/call-list?per_page=0")).StatusCode);
    }
}
