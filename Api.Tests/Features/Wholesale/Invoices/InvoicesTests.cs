using System.Net;
using System.Text.Json.Nodes;
using Api.Features.Wholesale.Invoices;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Features.Wholesale.Invoices;

public sealed class InvoicesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string B = WsKit.Base;

    [Theory]
    [InlineData(2, 10.00, 0, 0, 0, 20.00, 0.00, 20.00)]
    [InlineData(3, 3.33, 0, 5, 8.25, 9.99, 0.82, 15.81)]          // 9.99 × 8.25 % = 0.8242 → 0.82
    [InlineData(1, 100.00, 10, 0, 7.5, 100.00, 6.75, 96.75)]      // tax on subtotal less discount
    [InlineData(1, 0.10, 0, 0, 5, 0.10, 0.01, 0.11)]              // 0.005 rounds half up
    [InlineData(3, 0.335, 0, 0, 0, 1.01, 0.00, 1.01)]             // line 1.005 rounds half up
    public void Totals_are_computed_half_up(decimal qty, decimal price, decimal discount, decimal shipping, decimal rate, decimal subtotal, decimal tax, decimal total)
    {
        var items = InvoiceKit.Lines([new InvoiceKit.ItemIn { Description = "x", Quantity = qty, UnitPrice = price }]);
        var t = InvoiceKit.Compute(items, discount, shipping, rate).Value;
        Assert.Equal((subtotal, tax, total), (t.Subtotal, t.TaxAmount, t.Total));
    }

    [Fact]
    public async Task Create_numbers_without_gaps_links_the_customer_and_freezes_paid_invoices()
    {
        var customer = await api.CreateCustomerAsync();
        var staff = await api.StaffClientAsync();
        var body = new
        {
            customer_name = "Pat Buyer", customer_email = customer.Email.ToUpperInvariant(), tax_rate = 8.25m, shipping_fee = 5m, discount_amount = 1m,
            items = new object[] { new { description = "Fryer oil 35 lb", sku = "OIL-35", quantity = 2, unit_price = 30.50m }, new { name = "Napkins", quantity = 1, unit_price = 9.99m } },
        };
        var a = await staff.PostJson($"{B}/api/invoices", body);
        Assert.Equal(HttpStatusCode.Created, a.StatusCode);
        var first = await a.Json();
        var second = await (await staff.PostJson($"{B}/api/invoices", body)).Json();
        var n1 = (string)first["invoice_number"]!; var n2 = (string)second["invoice_number"]!;
        Assert.Matches(@"^INV-\d{4}-\d{5}$", n1);
        Assert.Equal(int.Parse(n1[^5..]) + 1, int.Parse(n2[^5..]));
        Assert.Equal(customer.Id, (long)first["customer_id"]!);
        Assert.Equal(70.99m, (decimal)first["subtotal"]!);
        Assert.Equal(5.77m, (decimal)first["tax_amount"]!);          // (70.99 − 1) × 8.25 % = 5.774
        Assert.Equal(80.76m, (decimal)first["total_amount"]!);
        Assert.Equal("draft", (string)first["status"]!);
        Assert.Equal(61.00m, (decimal)first["items"]![0]!["line_total"]!);

        // bad input: 400 with details, nothing written, no number used
        var bad = await staff.PostJson($"{B}/api/invoices", new { customer_name = "", items = new[] { new { description = "x", quantity = -1, unit_price = 1 } }, tax_rate = 150 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await bad.Json())["details"]);
        var tooMuch = await staff.PostJson($"{B}/api/invoices", new { customer_name = "X", items = new[] { new { description = "x", quantity = 1, unit_price = 1 } }, discount_amount = 5 });
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        var third = await (await staff.PostJson($"{B}/api/invoices", body)).Json();
        Assert.Equal(int.Parse(n2[^5..]) + 1, int.Parse(((string)third["invoice_number"]!)[^5..]));

        var id = (long)first["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"{B}/api/invoices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"{B}/api/invoices/999999999")).StatusCode);
        var pdf1 = await staff.GetAsync($"{B}/api/invoices/{id}/pdf");
        Assert.True(pdf1.IsSuccessStatusCode, await pdf1.Content.ReadAsStringAsync());
        Assert.Equal("application/pdf", pdf1.Content.Headers.ContentType!.MediaType);
        var bytes1 = await pdf1.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes1, 0, 4));

        var sent = await (await staff.PutJson($"{B}/api/invoices/{id}", new { status = "sent", items = new[] { new { description = "Oil", quantity = 1, unit_price = 10m } } })).Json();
        Assert.Equal("sent", (string)sent["status"]!);
        Assert.NotNull(sent["sent_at"]);
        Assert.Equal(10.00m, (decimal)sent["subtotal"]!);
        var bytes2 = await (await staff.GetAsync($"{B}/api/invoices/{id}/pdf")).Content.ReadAsByteArrayAsync();
        Assert.NotEqual(bytes1, bytes2);                                  // regenerated after the change
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PutJson($"{B}/api/invoices/{id}", new { status = "draft" })).StatusCode);

        var paid = await (await staff.PutJson($"{B}/api/invoices/{id}", new { status = "paid" })).Json();
        Assert.Equal("paid", (string)paid["status"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PutJson($"{B}/api/invoices/{id}", new { items = new[] { new { description = "x", quantity = 1, unit_price = 1m } } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PutJson($"{B}/api/invoices/{id}", new { notes = "thanks" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.DeleteAsync($"{B}/api/invoices/{id}")).StatusCode);

        var other = (long)second["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await staff.DeleteAsync($"{B}/api/invoices/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"{B}/api/invoices/{other}")).StatusCode);
        var list = await (await staff.GetAsync($"{B}/api/invoices?status=paid&customer_id={customer.Id}")).Json();
        Assert.Single(list.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"{B}/api/invoices?status=lost")).StatusCode);
    }

    [Fact]
    public async Task A_years_first_number_continues_after_invoices_already_stored()
    {
        // invoices made before the counter existed (the demo seeds INV-YYYY-00001...): the counter must not reuse their numbers
        var year = await api.Scalar<int>("select extract(year from now() at time zone 'America/Chicago')::int");
        await api.Exec("delete from wholesale.invoice_counters where year = $1", year);
        var top = await api.Scalar<int>("select coalesce(max(substr(invoice_number, 10)::int), 0) from wholesale.invoices where invoice_number like 'INV-' || $1 || '-%'", year.ToString());
        await api.Exec("""
            insert into wholesale.invoices (invoice_number, status, customer_name, items, subtotal, discount_amount, tax_rate, tax_amount, total, issue_date, due_date, created_by)
            values ($1, 'sent', 'Earlier Co', '[]', 1, 0, 0, 0, 1, current_date, current_date + 30, 'system')
            """, $"INV-{year}-{top + 40:00000}");
        var staff = await api.StaffClientAsync();
        var rsp = await staff.PostJson($"{B}/api/invoices", new { customer_name = "After Co", items = new[] { new { description = "x", quantity = 1, unit_price = 2m } } });
        Assert.Equal(HttpStatusCode.Created, rsp.StatusCode);
        Assert.Equal($"INV-{year}-{top + 41:00000}", (string)(await rsp.Json())["invoice_number"]!);
    }

    [Fact]
    public async Task Overdue_is_set_by_the_daily_task_and_the_customer_history_lists_orders()
    {
        var staff = await api.StaffClientAsync();
        var inv = await (await staff.PostJson($"{B}/api/invoices", new { customer_name = "Late Co", status = "sent", due_date = "2020-01-31",
            items = new[] { new { description = "x", quantity = 1, unit_price = 5m } } })).Json();
        using (var scope = api.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(new Api.Features.Wholesale.Invoices.MarkOverdue.Command());
        Assert.Equal("overdue", (string)(await (await staff.GetAsync($"{B}/api/invoices/{inv["id"]}")).Json())["status"]!);

        var customer = await api.CreateCustomerAsync();
        await api.Exec("insert into wholesale.orders (order_number, customer_id, status, subtotal, total_amount) values ($1, $2, 'delivered', 40, 40)", WsKit.Unique("INVH-"), customer.Id);
        var history = await (await staff.GetAsync($"{B}/api/sales/customer/{customer.Id}/invoices")).Json();
        Assert.Single(history["orders"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"{B}/api/sales/customer/999999999/invoices")).StatusCode);
        Assert.True((int)(await api.CreateClient().GetAsync($"{B}/api/sales/customer/{customer.Id}/invoices")).StatusCode is 401);
    }
}
