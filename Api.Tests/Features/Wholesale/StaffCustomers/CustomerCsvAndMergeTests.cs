using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Api.Tests.Infrastructure;
using static Api.Tests.Features.Wholesale.StaffCustomers.StaffKit;

namespace Api.Tests.Features.Wholesale.StaffCustomers;

/// <summary>CSV template, export (formula escaping), import (dedupe, per-line errors, idempotent) and merge.</summary>
public sealed class CustomerCsvAndMergeTests(StaffCustomersApi api) : IClassFixture<StaffCustomersApi>
{
    const string Header = "first_name,last_name,company_name,email,phone,orders,total_spent,joined,shipping_street,shipping_city,shipping_state,shipping_zip,billing_street,billing_city,billing_state,billing_zip,same_as_shipping";

    static MultipartFormDataContent File(string csv)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "customers.csv");
        return form;
    }

    [Fact]
    public async Task Template_and_export_escape_formulas()
    {
        var staff = await api.StaffClientAsync("staff");
        var template = await staff.GetAsync($"{B}/api/staff/customers/csv-template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.StartsWith("text/csv", template.Content.Headers.ContentType!.ToString());
        Assert.Equal(Header, (await template.Content.ReadAsStringAsync()).TrimEnd());

        var evil = "=SUM(A1+A2)" + WsKit.Unique("q");
        var id = await api.InsertCustomerAsync(company: evil, phone: "+13125550144");
        await api.InsertOrderAsync(id, total: 42m);
        var export = await staff.GetAsync($"{B}/api/staff/customers/export-csv");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var text = await export.Content.ReadAsStringAsync();
        var lines = text.Split("\r\n");
        Assert.Equal(Header, lines[0]);
        var line = Assert.Single(lines, l => l.Contains(evil[1..]));
        Assert.Contains("'=SUM", line);
        Assert.DoesNotContain(",=SUM", line);
        Assert.Contains("'+13125550144", line);
        Assert.Contains(",1,42.00,", line);
        Assert.Contains("1 Main St,Chicago,IL,60601", line);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync($"{B}/api/staff/customers/export-csv")).StatusCode);
    }

    [Fact]
    public async Task Import_dedupes_reports_bad_lines_and_is_idempotent()
    {
        var u = WsKit.Unique("imp");
        var existing = await api.InsertCustomerAsync(email: $"{u}.old@example.test");
        var csv = $"""
            {Header}
            Ann,Lee,Ann's Diner,{u}.ann@example.test,(312) 555-0161,,,,5 Oak St,Chicago,IL,60602,,,,,true
            Bob,Ray,Bob's,not-an-email,,,,,,,,,,,,,
            Cat,Poe,Cat Cafe,{u}.OLD@example.test,,,,,,,,,,,,,
            Dan,Fox,Dan's,,'+13125550162,,,,,,,,,,,,
            Eve,Kim,Eve's,{u}.ann@example.test,,,,,,,,,,,,,
            Fay,Orr,Fay's,,,,,,,,,,,,,,
            """;
        var staff = await api.StaffClientAsync("staff");
        var first = await staff.PostAsync($"{B}/api/staff/customers/import-csv", File(csv));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await first.Json();
        Assert.True((bool)body["success"]!);
        Assert.Equal(6, (int)body["total_rows"]!);
        Assert.Equal(2, (int)body["created"]!);
        Assert.Equal(2, (int)body["skipped"]!);
        var errors = body["errors"]!.AsArray();
        Assert.Equal(new[] { 3, 7 }, errors.Select(e => (int)e!["line"]!).ToArray());
        Assert.Equal("+13125550161", await api.Scalar<string>("select phone from wholesale.customers where email = $1", $"{u}.ann@example.test"));
        Assert.Equal("5 Oak St, Chicago, IL 60602", await api.Scalar<string>("select billing_address from wholesale.customers where email = $1", $"{u}.ann@example.test"));
        Assert.Equal(1L, await api.Scalar<long>("select count(*) from wholesale.customers where phone = '+13125550162' and kind = 'imported'"));

        var again = await (await staff.PostAsync($"{B}/api/staff/customers/import-csv", File(csv))).Json();
        Assert.Equal(0, (int)again["created"]!);
        Assert.Equal(4, (int)again["skipped"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsync($"{B}/api/staff/customers/import-csv", new MultipartFormDataContent { { new StringContent("x"), "other" } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsync($"{B}/api/staff/customers/import-csv", File("name,city\r\nx,y\r\n"))).StatusCode);
        Assert.Equal(1L, await api.Scalar<long>("select count(*) from wholesale.customers where id = $1 and deleted_at is null", existing));
    }

    [Fact]
    public async Task Import_flags_a_new_customer_whose_number_is_on_the_do_not_call_list()
    {
        var listed = "+1773" + Random.Shared.Next(2000000, 5999999);
        var free = "+1773" + Random.Shared.Next(6000000, 9999999);
        await api.Exec("insert into wholesale.do_not_call (phone, reason) values ($1, 'dnc_requested on an outbound call')", listed);
        var u = WsKit.Unique("dnc");
        // the listed number written the way people write it: the import's E.164 form is what the list is checked with
        var csv = $"""
            {Header}
            Lia,Dee,Listed Diner,{u}.a@example.test,({listed[2..5]}) {listed[5..8]}-{listed[8..]},,,,,,,,,,,,
            Mo,Ng,Free Grill,{u}.b@example.test,{free},,,,,,,,,,,,
            Ned,Ott,No Phone,{u}.c@example.test,,,,,,,,,,,,,
            """;
        var staff = await api.StaffClientAsync("staff");
        var rsp = await staff.PostAsync($"{B}/api/staff/customers/import-csv", File(csv));
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.Equal(3, (int)body["created"]!);
        Assert.Equal(1, (int)body["do_not_call"]!);
        Assert.True(await api.Scalar<bool>("select do_not_call from wholesale.customers where phone = $1 and kind = 'imported'", listed));
        Assert.False(await api.Scalar<bool>("select do_not_call from wholesale.customers where phone = $1 and kind = 'imported'", free));
        Assert.False(await api.Scalar<bool>("select do_not_call from wholesale.customers where email = $1", $"{u}.c@example.test"));
    }

    [Fact]
    public async Task Merge_moves_every_referencing_row_in_one_transaction()
    {
        // tables another issue might add later: one row per customer (unique) and many rows per customer
        await api.Exec("""
            create table if not exists wholesale.test_scores (id bigint generated always as identity primary key,
                customer_id bigint not null unique references wholesale.customers (id), score int not null);
            create table if not exists wholesale.test_links (id bigint generated always as identity primary key,
                customer_id bigint references wholesale.customers (id), list text not null);
            """);
        var keep = await api.InsertCustomerAsync(credit: 10m);
        var merge = await api.InsertCustomerAsync(credit: 2.5m, phone: "+13125550177");
        var keepOrder = await api.InsertOrderAsync(keep, total: 30m);
        var o1 = await api.InsertOrderAsync(merge, total: 20m);
        var o2 = await api.InsertOrderAsync(merge, total: 25m);
        await api.Exec("insert into wholesale.invoices (invoice_number, customer_id, order_id) values ($1, $2, $3)", WsKit.Unique("INV-"), merge, o1);
        await api.Exec("insert into wholesale.test_scores (customer_id, score) values ($1, 90), ($2, 40)", keep, merge);
        await api.Exec("insert into wholesale.test_links (customer_id, list) values ($1, 'a'), ($1, 'b')", merge);
        var earlier = await api.InsertCustomerAsync();
        await api.Exec("update wholesale.customers set merged_into = $1, deleted_at = now() where id = $2", merge, earlier);

        var staff = await api.StaffClientAsync("staff");
        var rsp = await staff.PostJson($"{B}/api/staff/customers/merge", new { keep_id = keep, merge_id = merge, chosen = new { company_name = "Merged Bistro" } });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.True((bool)body["success"]!);
        Assert.Equal(2, (int)body["orders_moved"]!);
        Assert.Equal(3, (int)body["combined_order_count"]!);
        Assert.Equal(75m, (decimal)body["combined_total_spent"]!);
        Assert.Equal("Merged Bistro", (string)body["kept_customer"]!["company_name"]!);
        Assert.Equal("+13125550177", (string)body["kept_customer"]!["phone"]!);

        Assert.Equal(3L, await api.Scalar<long>("select count(*) from wholesale.orders where customer_id = $1", keep));
        Assert.Equal(1L, await api.Scalar<long>("select count(*) from wholesale.invoices where customer_id = $1", keep));
        Assert.Equal(12.5m, await api.Scalar<decimal>("select store_credit from wholesale.customers where id = $1", keep));
        Assert.Equal(90, await api.Scalar<int>("select score from wholesale.test_scores where customer_id = $1", keep));
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.test_scores where customer_id = $1", merge));
        Assert.Equal(2L, await api.Scalar<long>("select count(*) from wholesale.test_links where customer_id = $1", keep));
        Assert.Equal(keep, await api.Scalar<long>("select merged_into from wholesale.customers where id = $1", merge));
        Assert.Equal(keep, await api.Scalar<long>("select merged_into from wholesale.customers where id = $1", earlier));
        Assert.Equal(0m, await api.Scalar<decimal>("select store_credit from wholesale.customers where id = $1", merge));
        _ = keepOrder; _ = o2;

        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostJson($"{B}/api/staff/customers/merge", new { keep_id = keep, merge_id = merge })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"{B}/api/staff/customers/{merge}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostJson($"{B}/api/staff/customers/merge", new { keep_id = keep, merge_id = keep })).StatusCode);
    }

    [Fact]
    public async Task A_failed_merge_leaves_nothing_half_written()
    {
        var a = await api.CreateCustomerAsync();
        var b = await api.CreateCustomerAsync();
        var other = await api.CreateCustomerAsync();
        var order = await api.InsertOrderAsync(b.Id);
        var staff = await api.StaffClientAsync("staff");
        // the chosen email belongs to another live login account: 409, and b's order stays where it was
        var rsp = await staff.PostJson($"{B}/api/staff/customers/merge", new { keep_id = a.Id, merge_id = b.Id, chosen = new { email = other.Email } });
        Assert.Equal(HttpStatusCode.Conflict, rsp.StatusCode);
        Assert.Equal(b.Id, await api.Scalar<long>("select customer_id from wholesale.orders where id = $1", order));
        Assert.False(await api.Scalar<bool>("select merged_into is not null from wholesale.customers where id = $1", b.Id));
    }
}
