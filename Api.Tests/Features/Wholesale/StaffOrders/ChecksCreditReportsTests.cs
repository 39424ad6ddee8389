using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.StaffOrders;

public sealed class ChecksCreditReportsTests(StaffOrdersFactory api) : IClassFixture<StaffOrdersFactory>
{
    const string Checks = $"{WsKit.Base}/api/staff/checks";
    static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5];
    static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 9, 9];

    async Task UploadAsync(HttpClient staff, string number)
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent(number), "order_number");
        form.Add(new ByteArrayContent(Jpeg), "check_front", "front.jpg");
        form.Add(new ByteArrayContent(Png), "check_back", "back.png");
        var rsp = await staff.PostAsync($"{WsKit.Base}/api/payments/upload-check", form);
        Assert.True(rsp.IsSuccessStatusCode, await rsp.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Check_images_go_to_staff_with_no_store_and_approve_pays_and_confirms()
    {
        var staff = await api.StaffClientAsync("staff");
        var (id, number, _, _) = await StaffOrdersKit.OrderAsync(api);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"{Checks}/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync($"{Checks}/{number}/approve", null)).StatusCode);
        await UploadAsync(staff, number);

        var front = await staff.GetAsync($"{Checks}/{number}");
        Assert.Equal(HttpStatusCode.OK, front.StatusCode);
        Assert.Equal(Jpeg, await front.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/jpeg", front.Content.Headers.ContentType!.MediaType);
        Assert.True(front.Headers.CacheControl!.NoStore);
        var back = await staff.GetAsync($"{Checks}/{number}/back");
        Assert.Equal(Png, await back.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync($"{Checks}/{number}")).StatusCode);
        var rep = await api.StaffClientAsync("sales_rep");
        Assert.Equal(HttpStatusCode.NotFound, (await rep.GetAsync($"{Checks}/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostAsync($"{Checks}/{number}/approve", null)).StatusCode);

        var ok = await (await staff.PostAsync($"{Checks}/{number}/approve", null)).Ok();
        Assert.True((bool)ok["success"]!);
        Assert.Equal("paid", await api.Scalar<string>("select payment_status from wholesale.orders where id = $1", id));
        Assert.Equal("confirmed", await api.Scalar<string>("select status from wholesale.orders where id = $1", id));
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync($"{Checks}/{number}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync($"{Checks}/{number}/reject", null)).StatusCode);
    }

    [Fact]
    public async Task Reject_returns_the_order_to_pending_and_unpaid()
    {
        var staff = await api.StaffClientAsync("manager");
        var (id, number, _, _) = await StaffOrdersKit.OrderAsync(api);
        await (await staff.PutJson($"{WsKit.Base}/api/staff/orders/{id}/status", new { status = "confirmed" })).Ok();
        await UploadAsync(staff, number);
        Assert.Equal("check_review", await api.Scalar<string>("select payment_status from wholesale.orders where id = $1", id));
        await (await staff.PostAsync($"{Checks}/{number}/reject", null)).Ok();
        Assert.Equal("unpaid", await api.Scalar<string>("select payment_status from wholesale.orders where id = $1", id));
        Assert.Equal("pending", await api.Scalar<string>("select status from wholesale.orders where id = $1", id));
        Assert.Equal("rejected", await api.Scalar<string>("select status from wholesale.payments where order_id = $1", id));
    }

    [Fact]
    public async Task Store_credit_issue_deduct_and_history()
    {
        var staff = await api.StaffClientAsync("staff");
        var customer = await api.CreateCustomerAsync();
        var url = $"{WsKit.Base}/api/staff/users/{customer.Id}/credit";
        var issued = await (await staff.PostJson($"{url}/issue", new { amount = 25m, note = "late delivery" })).Ok();
        Assert.Equal(25m, (decimal)issued["credit_balance"]!);
        Assert.Equal("issue", (string)issued["transaction"]!["reason"]!);
        Assert.Equal("late delivery", (string)issued["transaction"]!["note"]!);
        var deducted = await (await staff.PostJson($"{url}/issue", new { amount = -5m, note = "correction" })).Ok();
        Assert.Equal(20m, (decimal)deducted["credit_balance"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostJson($"{url}/issue", new { amount = -21m })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostJson($"{url}/issue", new { amount = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostJson($"{url}/issue", new { amount = 1.234m })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostJson($"{WsKit.Base}/api/staff/users/987654321/credit/issue", new { amount = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.StaffClientAsync("sales_rep")).PostJson($"{url}/issue", new { amount = 1 })).StatusCode);

        var view = await (await staff.GetAsync(url)).Ok();
        Assert.Equal(customer.Id, (long)view["user_id"]!);
        Assert.Equal(customer.Username, (string)view["username"]!);
        Assert.Equal(20m, (decimal)view["credit_balance"]!);
        Assert.Equal(2, view["history"]!.AsArray().Count);
        Assert.Equal(-5m, (decimal)view["history"]![0]!["amount"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"{WsKit.Base}/api/staff/users/987654321/credit")).StatusCode);
    }

    [Fact]
    public async Task Stats_and_profit_dashboard()
    {
        var staff = await api.StaffClientAsync("staff");
        var (id, _, _, total) = await StaffOrdersKit.OrderAsync(api, price: 50m, qty: 2, cost: 30m);
        var stats = await (await staff.GetAsync($"{WsKit.Base}/api/staff/stats?range=7d")).Ok();
        Assert.True((long)stats["total_orders"]! >= 1);
        Assert.True((long)stats["pending"]! >= 1);
        Assert.True((decimal)stats["total_revenue"]! >= total);
        Assert.NotNull(stats["needs_attention"]);
        foreach (var range in new[] { "all", "30d", "month" })
            await (await staff.GetAsync($"{WsKit.Base}/api/staff/stats?range={range}")).Ok();
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"{WsKit.Base}/api/staff/stats?range=year")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"{WsKit.Base}/api/staff/profit-dashboard")).StatusCode);
        var admin = await api.StaffClientAsync("admin");
        var before = await (await admin.GetAsync($"{WsKit.Base}/api/staff/profit-dashboard?period=12")).Ok();
        Assert.Equal(12, (int)before["period"]!);
        Assert.Equal(12, before["monthly"]!.AsArray().Count);
        var (id2, _, _, total2) = await StaffOrdersKit.OrderAsync(api, price: 40m, qty: 1, cost: 25m);
        var after = await (await admin.GetAsync($"{WsKit.Base}/api/staff/profit-dashboard?period=12")).Ok();
        var last = after["monthly"]![11]!;
        var lastBefore = before["monthly"]![11]!;
        Assert.Equal(1, (long)last["order_count"]! - (long)lastBefore["order_count"]!);
        Assert.Equal(total2, (decimal)last["total_sales"]! - (decimal)lastBefore["total_sales"]!);
        Assert.Equal(25m, (decimal)last["cost_of_goods"]! - (decimal)lastBefore["cost_of_goods"]!);
        Assert.Equal(total2 - 25m, (decimal)last["gross_profit"]! - (decimal)lastBefore["gross_profit"]!);
        Assert.False(string.IsNullOrEmpty((string)last["month_label"]!));
        Assert.Equal((long)after["totals"]!["order_count"]!, after["monthly"]!.AsArray().Sum(m => (long)m!["order_count"]!));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"{WsKit.Base}/api/staff/profit-dashboard?period=0")).StatusCode);
        _ = id; _ = id2;
    }
}
