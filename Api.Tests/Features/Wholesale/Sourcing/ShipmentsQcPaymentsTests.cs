using System.Net;
using Api.Tests.Infrastructure;
using static Api.Tests.Features.Wholesale.Sourcing.SourcingKit;

namespace Api.Tests.Features.Wholesale.Sourcing;

/// <summary>Inbound shipments (numbers, every move, timeline), QC inspections (a failure flags the shipment), supplier payments.</summary>
public sealed class ShipmentsQcPaymentsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_shipment_moves_forward_with_a_timeline_event_per_status_put()
    {
        var staff = await api.StaffClientAsync();
        var supplier = await SupplierAsync(staff);
        var product = await api.CreateProductAsync();
        var shp = await ShipmentAsync(staff, new
        {
            supplier_id = supplier, origin = "Ningbo", eta = "2027-01-15", total_cost = 1234.50m, currency = "cny",
            items = new object[] { new { product_id = product, quantity = 40, name = "Cups" }, new { name = "Samples", quantity = 2 } },
            documents = new[] { "invoice.pdf" },
        });
        var sid = (long)shp["id"]!;
        Assert.Matches($"^SHP-{DateTime.UtcNow.Year}-\\d{{4}}$", (string)shp["shipment_number"]!);
        Assert.Equal("production", (string)shp["status"]!);
        Assert.Equal("Chicago warehouse", (string)shp["destination"]!);
        Assert.Equal("CNY", (string)shp["currency"]!);
        Assert.Equal("2027-01-15", (string)shp["eta"]!);
        Assert.Equal("Cups", (string)shp["items"]![0]!["name"]!);
        Assert.Equal(40L, await api.Scalar<int>("select quantity from wholesale.sourcing_shipment_items where shipment_id = $1", sid));

        foreach (var to in new[] { "qc", "shipped", "in_transit", "customs", "arrived", "received" })
        {
            var moved = (await staff.PutJson($"{S}/shipments/{sid}/status", new { status = to, location = "somewhere" }).Ok())["shipment"]!;
            Assert.Equal(to, (string)moved["status"]!);
        }
        var tl = await staff.GetAsync($"{S}/shipments/{sid}/timeline").Ok();
        Assert.Equal((string)shp["shipment_number"]!, (string)tl["shipment_number"]!);
        Assert.Equal("received", (string)tl["status"]!);
        var events = tl["timeline"]!.AsArray();
        Assert.Equal(7, events.Count);          // created + six moves
        Assert.Equal("customs", (string)events[5]!["from_status"]!);
        Assert.Equal("arrived", (string)events[5]!["status"]!);
        Assert.Equal("somewhere", (string)events[6]!["location"]!);

        // received is final
        var rsp = await staff.PutJson($"{S}/shipments/{sid}/status", new { status = "cancelled" });
        Assert.Equal(HttpStatusCode.Conflict, rsp.StatusCode);
        Assert.Equal("received", (string)(await rsp.Json())["details"]!["current_status"]!);
    }

    [Fact]
    public async Task Shipment_moves_that_go_back_or_leave_a_final_state_are_409_and_events_need_no_status()
    {
        var staff = await api.StaffClientAsync();
        var sid = (long)(await ShipmentAsync(staff, new { status = "shipped", tracking_number = "MSKU123" }))["id"]!;
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PutJson($"{S}/shipments/{sid}/status", new { status = "production" })).StatusCode);
        var same = (await staff.PutJson($"{S}/shipments/{sid}/status", new { @event = "Vessel delayed", eta = "2027-03-01", recorded_by = "forwarder" }).Ok())["shipment"]!;
        Assert.Equal("shipped", (string)same["status"]!);
        Assert.Equal("2027-03-01", (string)same["eta"]!);
        var skip = (await staff.PutJson($"{S}/shipments/{sid}/status", new { status = "arrived" }).Ok())["shipment"]!;   // forward skips allowed
        Assert.Equal("arrived", (string)skip["status"]!);
        await staff.PutJson($"{S}/shipments/{sid}/status", new { status = "cancelled" }).Ok();
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PutJson($"{S}/shipments/{sid}/status", new { status = "received" })).StatusCode);
        var events = (await staff.GetAsync($"{S}/shipments/{sid}/timeline").Ok())["timeline"]!.AsArray();
        Assert.Equal("Vessel delayed", (string)events[1]!["event"]!);
        Assert.Equal("forwarder", (string)events[1]!["recorded_by"]!);
        Assert.Equal(4, events.Count);

        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PutJson($"{S}/shipments/{sid}/status", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PutJson($"{S}/shipments/{sid}/status", new { status = "lost" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PutJson($"{S}/shipments/999999999/status", new { status = "qc" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"{S}/shipments/999999999/timeline")).StatusCode);
    }

    [Fact]
    public async Task Shipment_input_and_filters()
    {
        var staff = await api.StaffClientAsync();
        var rsp = await staff.PostJson($"{S}/shipments", new { supplier_id = 999999999, rfq_id = 999999999, currency = "XX1", eta = "soon",
            items = new object[] { new { product_id = 999999999, quantity = 1 }, new { product_id = 1 }, "not an object" } });
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        var details = (await rsp.Json())["details"]!;
        Assert.NotNull(details["currency"]);
        Assert.NotNull(details["eta"]);
        rsp = await staff.PostJson($"{S}/shipments", new { supplier_id = 999999999, rfq_id = 999999999, items = new object[] { new { product_id = 999999999, quantity = 1 } } });
        details = (await rsp.Json())["details"]!;
        Assert.NotNull(details["supplier_id"]);
        Assert.NotNull(details["rfq_id"]);
        Assert.NotNull(details["items"]);

        var supplier = await SupplierAsync(staff);
        var open = (long)(await ShipmentAsync(staff, new { supplier_id = supplier }))["id"]!;
        var done = (long)(await ShipmentAsync(staff, new { supplier_id = supplier, status = "received" }))["id"]!;
        var active = (await staff.GetAsync($"{S}/shipments?supplier_id={supplier}&active=true").Ok()).AsArray();
        Assert.Equal(open, (long)Assert.Single(active)!["id"]!);
        Assert.Equal(done, (long)Assert.Single((await staff.GetAsync($"{S}/shipments?supplier_id={supplier}&status=received").Ok()).AsArray())!["id"]!);
        Assert.Equal(2, (await staff.GetAsync($"{S}/shipments?supplier_id={supplier}").Ok()).AsArray().Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"{S}/shipments?status=lost")).StatusCode);
    }

    [Fact]
    public async Task A_failed_inspection_flags_its_shipment_until_it_passes()
    {
        var staff = await api.StaffClientAsync();
        var supplier = await SupplierAsync(staff);
        var product = await api.CreateProductAsync(name: WsKit.Unique("Clear cup "));
        var sid = (long)(await ShipmentAsync(staff, new { supplier_id = supplier }))["id"]!;

        var created = await staff.PostJson($"{S}/qc/inspections", new
        {
            shipment_id = sid, product_id = product, inspection_date = "2026-11-30", inspector = "QIMA", result = "fail",
            defects = new object[] { new { type = "crack", severity = "major", count = 12 }, new { type = "print", severity = "minor" } },
            images = new[] { "https://img.example/1.jpg" },
        }).Ok(HttpStatusCode.Created);
        var qc = created["qc_inspection"]!;
        var iid = (long)qc["id"]!;
        Assert.Equal(supplier, (long)qc["supplier_id"]!);                          // from the shipment
        Assert.StartsWith("Clear cup", (string)qc["product_name"]!);                // from the product
        Assert.Equal(1, (int)qc["defects"]![1]!["count"]!);                         // count defaults to 1
        Assert.Equal("2026-11-30", (string)qc["inspection_date"]!);

        var shp = (await staff.GetAsync($"{S}/shipments?supplier_id={supplier}").Ok()).AsArray().Single()!;
        Assert.True((bool)shp["qc_flagged"]!);
        Assert.Contains($"#{iid}", (string)shp["qc_flag_reason"]!);
        Assert.Contains((await staff.GetAsync($"{S}/shipments/{sid}/timeline").Ok())["timeline"]!.AsArray(), e => ((string)e!["event"]!).Contains("failed"));

        Assert.Single((await staff.GetAsync($"{S}/qc/inspections?status=fail&shipment_id={sid}").Ok()).AsArray());
        Assert.Empty((await staff.GetAsync($"{S}/qc/inspections?status=pass&shipment_id={sid}").Ok()).AsArray());
        Assert.Single((await staff.GetAsync($"{S}/qc/inspections?supplier_id={supplier}").Ok()).AsArray());

        var passed = (await staff.PutJson($"{S}/qc/inspections/{iid}", new { result = "pass", notes = "re-inspected" }).Ok())["qc_inspection"]!;
        Assert.Equal("pass", (string)passed["result"]!);
        Assert.Equal(2, passed["defects"]!.AsArray().Count);                      // not sent: kept
        shp = (await staff.GetAsync($"{S}/shipments?supplier_id={supplier}").Ok()).AsArray().Single()!;
        Assert.False((bool)shp["qc_flagged"]!);
    }

    [Fact]
    public async Task Inspection_input_is_checked()
    {
        var staff = await api.StaffClientAsync();
        var a = await SupplierAsync(staff);
        var b = await SupplierAsync(staff);
        var sid = (long)(await ShipmentAsync(staff, new { supplier_id = a }))["id"]!;
        var rsp = await staff.PostJson($"{S}/qc/inspections", new { result = "maybe", inspection_date = "31/12/2026",
            defects = new object[] { new { severity = "fatal", count = 0 } } });
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        var details = (await rsp.Json())["details"]!.AsObject();
        Assert.Contains("result", details.Select(kv => kv.Key));
        Assert.Contains("inspection_date", details.Select(kv => kv.Key));
        Assert.Contains(details, kv => kv.Key.StartsWith("defects"));

        rsp = await staff.PostJson($"{S}/qc/inspections", new { shipment_id = sid, supplier_id = b });   // shipment of another supplier
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        Assert.NotNull((await rsp.Json())["details"]!["supplier_id"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostJson($"{S}/qc/inspections", new { shipment_id = 999999999 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostJson($"{S}/qc/inspections", new { product_id = 999999999 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PutJson($"{S}/qc/inspections/999999999", new { result = "pass" })).StatusCode);
        var pending = (await staff.PostJson($"{S}/qc/inspections", new { product_name = "Loose sample" }).Ok(HttpStatusCode.Created))["qc_inspection"]!;
        Assert.Equal("pending", (string)pending["result"]!);
    }

    [Fact]
    public async Task Supplier_payments_are_validated_and_move_through_their_states()
    {
        var staff = await api.StaffClientAsync();
        var a = await SupplierAsync(staff);
        var b = await SupplierAsync(staff);
        var shipmentOfB = (long)(await ShipmentAsync(staff, new { supplier_id = b }))["id"]!;
        var rfq = (long)(await RfqAsync(staff))["id"]!;
        await staff.PutJson($"{S}/rfqs/{rfq}/quotes", new { price = 2m, supplier_id = a }).Ok();
        await staff.PostJson($"{S}/rfqs/{rfq}/award", new { supplier_id = a }).Ok();

        var rsp = await staff.PostJson($"{S}/payments", new { supplier_id = a, amount = -5m, currency = "DOLLARS", status = "paid" });
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        var details = (await rsp.Json())["details"]!;
        Assert.NotNull(details["amount"]);
        Assert.NotNull(details["currency"]);
        Assert.NotNull(details["payment_date"]);                                   // paid needs a date
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostJson($"{S}/payments", new { amount = 5m })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostJson($"{S}/payments", new { supplier_id = a, amount = 5.001m })).StatusCode);
        rsp = await staff.PostJson($"{S}/payments", new { supplier_id = a, amount = 5m, shipment_id = shipmentOfB });
        Assert.NotNull((await rsp.Json())["details"]!["shipment_id"]);              // another supplier's shipment
        rsp = await staff.PostJson($"{S}/payments", new { supplier_id = b, amount = 5m, rfq_id = rfq });
        Assert.NotNull((await rsp.Json())["details"]!["rfq_id"]);                   // an RFQ awarded to another supplier

        var created = await staff.PostJson($"{S}/payments", new { supplier_id = a, rfq_id = rfq, amount = 1500.00m, currency = "usd", notes = "30% deposit" })
            .Ok(HttpStatusCode.Created);
        var pay = created["supplier_payment"]!;
        var pid = (long)pay["id"]!;
        Assert.Equal("pending", (string)pay["status"]!);
        Assert.Equal("USD", (string)pay["currency"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PutJson($"{S}/payments/{pid}", new { status = "paid" })).StatusCode);   // no date
        var paid = (await staff.PutJson($"{S}/payments/{pid}", new { status = "paid", payment_date = "2026-12-01" }).Ok())["supplier_payment"]!;
        Assert.Equal("paid", (string)paid["status"]!);
        Assert.Equal("2026-12-01", (string)paid["payment_date"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PutJson($"{S}/payments/{pid}", new { status = "pending" })).StatusCode);
        Assert.Equal("refunded", (string)(await staff.PutJson($"{S}/payments/{pid}", new { status = "refunded" }).Ok())["supplier_payment"]!["status"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PutJson($"{S}/payments/999999999", new { notes = "x" })).StatusCode);

        Assert.Single((await staff.GetAsync($"{S}/payments?supplier_id={a}&status=refunded").Ok()).AsArray());
        Assert.Empty((await staff.GetAsync($"{S}/payments?supplier_id={b}").Ok()).AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"{S}/payments?status=lost")).StatusCode);
    }
}
