using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.Bills;

/// <summary>Bills through the real extraction job: PDF (text layer), CSV, an image without a vision model, matching and savings.</summary>
public sealed class BillsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static JsonNode Line(JsonNode bill, string descriptionPart) =>
        bill["line_items"]!.AsArray().Single(l => ((string)l!["description"]!).Contains(descriptionPart))!;

    [Fact]
    public async Task A_text_pdf_is_extracted_and_matched_with_savings()
    {
        var skuA = BillKit.Sku();
        var (wordA, wordB, wordD) = (BillKit.Word(), BillKit.Word(), BillKit.Word());
        var a = await api.CreateProductAsync(unitPrice: 40m, sku: skuA, name: $"Paper Napkins {wordA}");
        var b = await api.CreateProductAsync(unitPrice: 30m, name: $"Canola Fryer Oil {wordB} 35 lb");
        var d = await api.CreateProductAsync(unitPrice: 14m, name: $"Shredded Mozzarella {wordD}");
        await api.Exec("update wholesale.products set unit_size = '5 lb bag' where id = $1", d);
        var staff = await api.StaffClientAsync();

        var pdf = BillKit.Pdf(
            "Sysco Test Foods",
            "Invoice #: INV-20931",
            "Date: 2025-03-14",
            "Item Description Qty Unit Price Total",
            $"{skuA} Paper Napkins 2 CS 45.00 90.00",
            $"Canola Fryer Oil {wordB} 35LB 3 CS 36.00 108.00",
            $"Shredded Mozzarella {wordD} 4/5 lb 2 CS 60.00 120.00",
            "Mystery Widget Xyzzy 1 EA 5.00 5.00",
            "Subtotal 323.00",
            "Total: 323.00");
        var id = await BillKit.UploadAsync(staff, pdf, "sysco.pdf", "application/pdf",
            new() { ["restaurant_name"] = "Demo Bistro", ["contact_name"] = "Pat", ["restaurant_phone"] = "(312) 555-0100" });

        var status = await BillKit.WaitAsync(staff, id);
        Assert.Equal("completed", (string)status["extraction_status"]!);
        var bill = await (await staff.GetAsync($"{WsKit.Base}/api/bills/{id}")).Json();
        Assert.Equal("Sysco Test Foods", (string)bill["supplier_name"]!);
        Assert.Equal("INV-20931", (string)bill["bill_number"]!);
        Assert.Equal("2025-03-14", (string)bill["bill_date"]!);
        Assert.Equal(323.00m, (decimal)bill["bill_total"]!);
        Assert.Equal("pdf", (string)bill["file_type"]!);
        Assert.Equal("+13125550100", (string)bill["restaurant_phone"]!);
        Assert.Equal(4, (int)bill["total_items"]!);
        Assert.Equal(3, (int)bill["items_we_carry"]!);

        var napkins = Line(bill, "Paper Napkins");               // same SKU: 2 x 40 = 80 against their 90
        Assert.Equal(skuA, (string)napkins["sku"]!);
        Assert.Equal(skuA, (string)napkins["our_sku"]!);
        Assert.Equal(40m, (decimal)napkins["our_price"]!);
        Assert.Equal(10m, (decimal)napkins["savings"]!);
        Assert.Equal(1.0, (double)napkins["match_confidence"]!);
        var oil = Line(bill, "Fryer Oil");                         // name similarity: 3 x 30 = 90 against 108
        Assert.Equal(b, (long)oil["matched_product_id"]!);
        Assert.Equal(18m, (decimal)oil["savings"]!);
        Assert.Equal(16.7m, (decimal)oil["savings_pct"]!);
        var cheese = Line(bill, "Mozzarella");                     // their 4/5 lb = 20 lb = four of our 5 lb bags: 2 x 4 x 14 = 112
        Assert.Equal(d, (long)cheese["matched_product_id"]!);
        Assert.Equal("5 lb bag", (string)cheese["our_unit"]!);
        Assert.Equal(112m, (decimal)cheese["our_line_total"]!);
        Assert.Equal(8m, (decimal)cheese["savings"]!);
        var widget = Line(bill, "Widget");
        Assert.Null(widget["our_sku"]);
        Assert.Null(widget["savings"]);
        Assert.Equal(36m, (decimal)bill["potential_savings"]!);
        Assert.Equal(a, (long)napkins["matched_product_id"]!);
    }

    [Fact]
    public async Task A_csv_bill_is_extracted_with_units_normalised()
    {
        var skuA = BillKit.Sku();
        var word = BillKit.Word();
        await api.CreateProductAsync(unitPrice: 40m, sku: skuA, name: $"Paper Napkins {BillKit.Word()}");
        var beef = await api.CreateProductAsync(unitPrice: 30m, name: $"Ground Beef 80/20 {word}");
        await api.Exec("update wholesale.products set unit_size = '10 lb' where id = $1", beef);
        var staff = await api.StaffClientAsync();
        var csv = $"""
            Supplier,US Foods Test
            Invoice Number,CSV-7781
            Invoice Date,03/02/2025
            Item #,Description,Qty,Unit,Unit Price,Extended
            {skuA},"Paper Napkins, white",3,CS,44.00,132.00
            ,Ground Beef 80/20 {word},40,LB,3.50,140.00
            ,Total,,,,272.00
            """;
        var id = await BillKit.UploadAsync(staff, Encoding.UTF8.GetBytes(csv), "usfoods.csv", "text/csv");
        Assert.Equal("completed", (string)(await BillKit.WaitAsync(staff, id))["extraction_status"]!);

        var bill = await (await staff.GetAsync($"{WsKit.Base}/api/bills/{id}")).Json();
        Assert.Equal("US Foods Test", (string)bill["supplier_name"]!);
        Assert.Equal("CSV-7781", (string)bill["bill_number"]!);
        Assert.Equal("2025-03-02", (string)bill["bill_date"]!);
        Assert.Equal(272m, (decimal)bill["bill_total"]!);
        Assert.Equal("csv", (string)bill["file_type"]!);
        Assert.Equal("Paper Napkins, white", (string)Line(bill, "Napkins")["description"]!);
        Assert.Equal(12m, (decimal)Line(bill, "Napkins")["savings"]!);
        var line = Line(bill, "Ground Beef");                      // priced per LB; ours is 10 lb for 30: 40 lb = 120
        Assert.Equal(beef, (long)line["matched_product_id"]!);
        Assert.Equal(120m, (decimal)line["our_line_total"]!);
        Assert.Equal(20m, (decimal)line["savings"]!);
        Assert.Equal(32m, (decimal)bill["potential_savings"]!);
        Assert.Equal(2, (int)bill["items_we_carry"]!);
    }

    [Fact]
    public async Task An_image_without_a_vision_model_fails_saying_why()
    {
        var staff = await api.StaffClientAsync();
        var id = await BillKit.UploadAsync(staff, BillKit.Png, "photo.png", "image/png");
        var status = await BillKit.WaitAsync(staff, id);
        Assert.Equal("failed", (string)status["extraction_status"]!);
        Assert.Contains("vision model", (string)status["extraction_error"]!);
        Assert.Equal("png", (string)(await (await staff.GetAsync($"{WsKit.Base}/api/bills/{id}")).Json())["file_type"]!);
    }

    [Fact]
    public async Task A_text_file_without_item_lines_fails_saying_why()
    {
        var staff = await api.StaffClientAsync();
        var id = await BillKit.UploadAsync(staff, Encoding.UTF8.GetBytes("Dear customer,\nthank you for your order.\n"), "note.txt", "text/plain");
        var status = await BillKit.WaitAsync(staff, id);
        Assert.Equal("failed", (string)status["extraction_status"]!);
        Assert.Contains("No line items", (string)status["extraction_error"]!);
    }

    [Fact]
    public async Task A_bill_whose_job_died_shows_failed_not_processing()
    {
        var jobId = await api.Scalar<long>("""
            insert into platform.jobs (type, status, attempts, max_attempts, last_error, finished_at)
            values ('wholesale.bills.extract', 'failed', 3, 3, 'worker lost (lease expired) on attempt 3', now()) returning id
            """);
        var billId = await api.Scalar<long>("""
            insert into wholesale.bills (restaurant_name, extraction_status, extraction_job_id, file_type, file_content, original_filename)
            values ('Stuck Diner', 'processing', $1, 'txt', '\x41'::bytea, 'x.txt') returning id
            """, jobId);
        var staff = await api.StaffClientAsync();
        var status = await (await staff.GetAsync($"{WsKit.Base}/api/bills/{billId}/status")).Json();
        Assert.Equal("failed", (string)status["extraction_status"]!);
        Assert.Contains("lease expired", (string)status["extraction_error"]!);
        var listed = (await (await staff.GetAsync($"{WsKit.Base}/api/bills")).Json()).AsArray().Single(b => (long)b!["id"]! == billId)!;
        Assert.Equal("failed", (string)listed["extraction_status"]!);

        // and it can be reprocessed: a new job takes over
        var rsp = await staff.PostAsync($"{WsKit.Base}/api/bills/{billId}/reprocess", null);
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.True((bool)body["success"]!);
        Assert.NotEqual(jobId, (long)body["job_id"]!);
        Assert.Equal("failed", (string)(await BillKit.WaitAsync(staff, billId))["extraction_status"]!);   // "A" has no item lines
    }

    [Fact]
    public async Task Notes_delete_and_reprocess()
    {
        var staff = await api.StaffClientAsync();
        var word = BillKit.Word();
        await api.CreateProductAsync(unitPrice: 10m, name: $"Dish Soap {word}");
        var id = await BillKit.UploadAsync(staff, Encoding.UTF8.GetBytes($"Acme Supply\nDish Soap {word} 2 CS 12.50 25.00\n"), "acme.txt", "text/plain",
            new() { ["restaurant_name"] = "Notes Cafe", ["notes"] = "first", ["supplier_name"] = "Acme (typed by staff)" });
        Assert.Equal("completed", (string)(await BillKit.WaitAsync(staff, id))["extraction_status"]!);

        var put = await staff.PutJson($"{WsKit.Base}/api/bills/{id}/notes", new { notes = "called, wants a quote", contact_name = "Sam" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.True((bool)(await put.Json())["success"]!);
        var bill = await (await staff.GetAsync($"{WsKit.Base}/api/bills/{id}")).Json();
        Assert.Equal("called, wants a quote", (string)bill["notes"]!);
        Assert.Equal("Sam", (string)bill["contact_name"]!);
        Assert.Equal("Notes Cafe", (string)bill["restaurant_name"]!);
        Assert.Equal("Acme (typed by staff)", (string)bill["supplier_name"]!);   // staff's supplier name wins over extraction
        Assert.Equal(5m, (decimal)bill["potential_savings"]!);

        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PutJson($"{WsKit.Base}/api/bills/{id}/notes", new { restaurant_email = "not-an-email" })).StatusCode);

        var again = await staff.PostAsync($"{WsKit.Base}/api/bills/{id}/reprocess", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("completed", (string)(await BillKit.WaitAsync(staff, id))["extraction_status"]!);
        Assert.Single((await (await staff.GetAsync($"{WsKit.Base}/api/bills/{id}")).Json())["line_items"]!.AsArray());

        var del = await staff.DeleteAsync($"{WsKit.Base}/api/bills/{id}");
        Assert.Equal(HttpStatusCode.OK, del.StatusCode);
        Assert.True((bool)(await del.Json())["success"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"{WsKit.Base}/api/bills/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.DeleteAsync($"{WsKit.Base}/api/bills/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsync($"{WsKit.Base}/api/bills/{id}/reprocess", null)).StatusCode);
        Assert.True(await api.Scalar<bool>("select deleted_at is not null and file_content is null from wholesale.bills where id = $1", id));
        Assert.DoesNotContain((await (await staff.GetAsync($"{WsKit.Base}/api/bills")).Json()).AsArray(), b => (long)b!["id"]! == id);
    }

    [Fact]
    public async Task Upload_validation()
    {
        var staff = await api.StaffClientAsync();
        var noName = await staff.PostAsync($"{WsKit.Base}/api/bills", BillKit.Form("a,b\n"u8.ToArray(), "x.csv", "text/csv", new()));
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        var body = await noName.Json();
        Assert.False((bool)body["success"]!);
        Assert.NotNull(body["details"]);

        var noFile = new MultipartFormDataContent { { new StringContent("Bistro"), "restaurant_name" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsync($"{WsKit.Base}/api/bills", noFile)).StatusCode);

        var binary = await staff.PostAsync($"{WsKit.Base}/api/bills", BillKit.Form([0x00, 0x01, 0x02, 0xFF], "x.bin", "application/octet-stream"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, binary.StatusCode);
        Assert.False((bool)(await binary.Json())["success"]!);

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"{WsKit.Base}/api/bills/999999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"{WsKit.Base}/api/bills/999999999/status")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"{WsKit.Base}/api/bills/abc")).StatusCode);
    }

    [Fact]
    public async Task Bills_are_staff_only()
    {
        var customer = await api.CustomerClientAsync(await api.CreateCustomerAsync());
        var anonymous = api.CreateClient();
        foreach (var client in new[] { customer, anonymous })
        {
            var list = await client.GetAsync($"{WsKit.Base}/api/bills");
            Assert.True(list.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, list.StatusCode.ToString());
            Assert.False((bool)(await list.Json())["success"]!);
            var upload = await client.PostAsync($"{WsKit.Base}/api/bills", BillKit.Form("x"u8.ToArray(), "x.txt", "text/plain"));
            Assert.True(upload.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, upload.StatusCode.ToString());
        }
        var key = api.KeyClient(await api.CreateApiKeyAsync());
        Assert.True((await key.GetAsync($"{WsKit.Base}/api/bills")).StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
        foreach (var role in new[] { "admin", "manager", "staff", "sales_rep" })
            Assert.Equal(HttpStatusCode.OK, (await (await api.StaffClientAsync(role)).GetAsync($"{WsKit.Base}/api/bills")).StatusCode);
    }
}
