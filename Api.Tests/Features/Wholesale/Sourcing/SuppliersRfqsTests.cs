using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;
using static Api.Tests.Features.Wholesale.Sourcing.SourcingKit;

namespace Api.Tests.Features.Wholesale.Sourcing;

/// <summary>Suppliers (filters, counts) and RFQs (numbers, quotes, award, every refusal).</summary>
public sealed class SuppliersRfqsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Suppliers_are_created_filtered_searched_and_counted()
    {
        var staff = await api.StaffClientAsync();
        var tag = WsKit.Unique("zq");
        var created = await staff.PostJson($"{S}/suppliers", new
        {
            name = $"Ningbo Cups {tag}", name_cn = "宁波杯业", platform = "1688", location = "Ningbo", contact_name = "Lily Wang",
            contact_wechat = $"wx_{tag}", contact_email = "lily@ningbo.example", product_categories = new[] { "Cups", "Lids", "cups" },
            rating = 5, lead_time_days = 25, moq_notes = "5k per design", payment_terms = "30/70", notes = "good",
        }).Ok(HttpStatusCode.Created);
        Assert.True((bool)created["success"]!);
        var supplier = created["supplier"]!;
        var sid = (long)supplier["id"]!;
        Assert.Equal(2, supplier["product_categories"]!.AsArray().Count);   // de-duplicated case-insensitively
        Assert.True((bool)supplier["is_active"]!);

        var inactive = (long)(await staff.PostJson($"{S}/suppliers", new { name = $"Closed {tag}", is_active = false }).Ok(HttpStatusCode.Created))["supplier"]!["id"]!;

        JsonArray List(JsonNode n) => n.AsArray();
        var bySearch = List(await staff.GetAsync($"{S}/suppliers?search=wx_{tag}").Ok());          // contact fields are searched
        Assert.Equal(sid, (long)Assert.Single(bySearch)!["id"]!);
        Assert.Single(List(await staff.GetAsync($"{S}/suppliers?search={Uri.EscapeDataString("宁波")}").Ok()), s => (long)s!["id"]! == sid);
        Assert.Empty(List(await staff.GetAsync($"{S}/suppliers?search={tag}&platform=alibaba").Ok()));
        Assert.Single(List(await staff.GetAsync($"{S}/suppliers?search={tag}&platform=1688").Ok()));
        Assert.Equal(inactive, (long)Assert.Single(List(await staff.GetAsync($"{S}/suppliers?search={tag}&active=false").Ok()))!["id"]!);
        Assert.Equal(2, List(await staff.GetAsync($"{S}/suppliers?search={tag}&active=all").Ok()).Count);

        var updated = (await staff.PutJson($"{S}/suppliers/{sid}", new { rating = 3, notes = "" }).Ok())["supplier"]!;
        Assert.Equal(3, (int)updated["rating"]!);
        Assert.Null(updated["notes"]);
        Assert.Equal("Ningbo", (string)updated["location"]!);

        var rfq = await RfqAsync(staff);
        await staff.PutJson($"{S}/rfqs/{rfq["id"]}/quotes", new { price = 0.11m, supplier_id = sid }).Ok();
        await ShipmentAsync(staff, new { supplier_id = sid });
        await ShipmentAsync(staff, new { supplier_id = sid, status = "received" });
        var detail = await staff.GetAsync($"{S}/suppliers/{sid}").Ok();
        Assert.Equal($"Ningbo Cups {tag}", (string)detail["name"]!);
        Assert.Equal(1, (int)detail["rfq_count"]!);
        Assert.Equal(2, (int)detail["shipment_count"]!);
        Assert.Equal(1, (int)detail["active_shipments"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"{S}/suppliers/999999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PutJson($"{S}/suppliers/999999999", new { rating = 2 })).StatusCode);
    }

    [Fact]
    public async Task Supplier_input_is_checked()
    {
        var staff = await api.StaffClientAsync();
        var rsp = await staff.PostJson($"{S}/suppliers", new { name = " ", rating = 6, lead_time_days = -1, contact_email = "nope" });
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        var details = (await rsp.Json())["details"]!;
        foreach (var f in new[] { "name", "rating", "lead_time_days", "contact_email" }) Assert.NotNull(details[f]);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"{S}/suppliers?active=maybe")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync($"{S}/suppliers")).StatusCode);
        var key = api.KeyClient(await api.CreateApiKeyAsync());
        Assert.True((await key.GetAsync($"{S}/suppliers")).StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Rfq_numbers_are_gap_free_per_year_even_under_concurrency()
    {
        var staff = await api.StaffClientAsync();
        var year = DateTime.UtcNow.Year;   // the business year; tests do not run at a Chicago new year
        var rfqs = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => RfqAsync(staff)));
        var numbers = rfqs.Select(r => (string)r["rfq_number"]!).ToList();
        Assert.All(numbers, n => Assert.Matches($"^RFQ-{year}-\\d{{4}}$", n));
        var seq = numbers.Select(n => int.Parse(n[^4..])).Order().ToList();
        Assert.Equal(seq.Count, seq.Distinct().Count());
        Assert.Equal(seq[^1] - seq[0] + 1, seq.Count);      // consecutive: nothing skipped

        // a voice special order inserts without a number and gets the next one
        var voice = await api.Scalar<string>("insert into wholesale.rfqs (source, description) values ('voice', 'by phone') returning rfq_number");
        Assert.Equal($"RFQ-{year}-{seq[^1] + 1:0000}", voice);
        // a refused create (unknown product) uses no number
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostJson($"{S}/rfqs", new { product_id = 999999999 })).StatusCode);
        Assert.Equal($"RFQ-{year}-{seq[^1] + 2:0000}", (string)(await RfqAsync(staff))["rfq_number"]!);
    }

    [Fact]
    public async Task Quotes_move_draft_to_quoted_and_award_stamps_price_who_and_when()
    {
        var staff = await api.StaffClientAsync();
        var product = await api.CreateProductAsync(unitPrice: 25m);
        var a = await SupplierAsync(staff);
        var b = await SupplierAsync(staff);
        var c = await SupplierAsync(staff);
        var rfq = await RfqAsync(staff, new { product_id = product, quantity = 200, target_unit_price = 9.5m });
        var id = (long)rfq["id"]!;
        Assert.Equal("draft", (string)rfq["status"]!);
        Assert.Equal(9.5m, (decimal)rfq["target_unit_price"]!);
        Assert.Equal(product, (long)rfq["product_id"]!);

        // award before any quote: 409
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostJson($"{S}/rfqs/{id}/award", new { supplier_id = a })).StatusCode);

        var quoted = (await staff.PutJson($"{S}/rfqs/{id}/quotes", new { price = 10.25m, supplier_id = a, moq = 100, lead_time = "30 days", notes = "FOB" }).Ok())["rfq"]!;
        Assert.Equal("quoted", (string)quoted["status"]!);
        await staff.PutJson($"{S}/rfqs/{id}/quotes", new { price = 9.75m, supplier_id = b }).Ok();
        var quotes = (await staff.GetAsync($"{S}/rfqs?product_id={product}").Ok()).AsArray().Single()!["quotes"]!.AsArray();
        Assert.Equal(2, quotes.Count);
        Assert.Equal(10.25m, (decimal)quotes[0]!["price"]!);
        Assert.Equal(100, (int)quotes[0]!["moq"]!);

        // a supplier that did not quote: 409; an unknown supplier: 400
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostJson($"{S}/rfqs/{id}/award", new { supplier_id = c })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostJson($"{S}/rfqs/{id}/award", new { supplier_id = 999999999 })).StatusCode);

        var awarded = (await staff.PostJson($"{S}/rfqs/{id}/award", new { supplier_id = b }).Ok())["rfq"]!;
        Assert.Equal("awarded", (string)awarded["status"]!);
        Assert.Equal(b, (long)awarded["awarded_supplier_id"]!);
        Assert.Equal(9.75m, (decimal)awarded["awarded_price"]!);
        Assert.NotNull(awarded["awarded_at"]);
        Assert.NotNull(awarded["awarded_by"]);

        // awarded: no more quotes, no second award
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PutJson($"{S}/rfqs/{id}/quotes", new { price = 9m, supplier_id = a })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostJson($"{S}/rfqs/{id}/award", new { supplier_id = a })).StatusCode);
        Assert.Single((await staff.GetAsync($"{S}/rfqs?status=awarded&product_id={product}").Ok()).AsArray());
        Assert.Empty((await staff.GetAsync($"{S}/rfqs?status=draft&product_id={product}").Ok()).AsArray());
    }

    [Fact]
    public async Task Rfq_refusals()
    {
        var staff = await api.StaffClientAsync();
        var s = await SupplierAsync(staff);
        var sent = await RfqAsync(staff, new { description = "Sent one", status = "sent" });
        Assert.Equal("sent", (string)sent["status"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostJson($"{S}/rfqs", new { description = "x", status = "awarded" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostJson($"{S}/rfqs", new { quantity = 5 })).StatusCode);   // neither product nor description
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostJson($"{S}/rfqs", new { description = "x", target_unit_price = -1 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"{S}/rfqs?status=bogus")).StatusCode);

        var id = (long)sent["id"]!;
        var rsp = await staff.PutJson($"{S}/rfqs/{id}/quotes", new { price = 0m, supplier_id = s });
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        Assert.NotNull((await rsp.Json())["details"]!["price"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PutJson($"{S}/rfqs/{id}/quotes", new { price = 1m })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PutJson($"{S}/rfqs/{id}/quotes", new { price = 1m, supplier_id = 999999999 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PutJson($"{S}/rfqs/999999999/quotes", new { price = 1m, supplier_id = s })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostJson($"{S}/rfqs/999999999/award", new { supplier_id = s })).StatusCode);

        // closed and cancelled RFQs take no quotes
        await api.Exec("update wholesale.rfqs set status = 'cancelled' where id = $1", id);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PutJson($"{S}/rfqs/{id}/quotes", new { price = 1m, supplier_id = s })).StatusCode);
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.rfq_quotes where rfq_id = $1", id));
    }
}
