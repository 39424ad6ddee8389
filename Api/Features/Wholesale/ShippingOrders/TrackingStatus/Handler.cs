using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.EasyPost;
using Api.Infrastructure.Integrations.Ups;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.ShippingOrders.TrackingStatus;

/// <summary>
/// The newest live label's EasyPost tracker; with no tracker (a number typed in by staff) or EasyPost failing, UPS numbers
/// (<c>1Z…</c>) go to UPS's Tracking API when configured; local-carrier labels are tracked from the order's own events;
/// anything else answers <c>unknown</c> with the carrier's public tracking link. A carrier's <c>delivered</c> delivers a
/// shipped order (actor <c>system</c>, reason naming the carrier).
/// </summary>
sealed class Handler(AppDb db, EasyPostClient easyPost, UpsTrackingClient ups, ILogger<Handler> log) : IRequestHandler<Request, ErrorOr<Response>>
{
    sealed record Found(string Status, string? Est, string? PublicUrl, List<TrackingDetail> Details, DateTimeOffset? Updated, string Source);

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (await ShipOrders.LoadAsync(db, req.OrderNumber, ct) is not { } order) return ShipOrders.NotFound;
        var number = ShipOrders.Numbers(order.TrackingNumber).LastOrDefault();
        if (number is null) return Error.Conflict("Order.NoTracking", "This order has no tracking number yet");
        var label = (await db.QueryToListAsync<LabelRow>("""
            select id as "Id", order_id as "OrderId", provider as "Provider", carrier as "Carrier", rate as "Rate", tracking_number as "TrackingNumber",
                   shipment_id as "ShipmentId", tracker_id as "TrackerId", voided_at as "VoidedAt"
            from wholesale.shipping_labels where order_id = @Id and voided_at is null and tracking_number = @number order by id desc limit 1
            """, new { order.Id, number }, ct)).FirstOrDefault();
        var carrier = label?.Carrier ?? order.Carrier;
        var publicUrl = PublicUrl(carrier, number);

        Found? found = null;
        if (label?.TrackerId is { } trackerId && easyPost.Configured)
        {
            try
            {
                var t = await easyPost.GetTrackerAsync(trackerId, ct);
                var details = (t["tracking_details"] as System.Text.Json.Nodes.JsonArray ?? []).Select(d => new TrackingDetail(
                    Map(d?["status"]?.ToString()), d?["message"]?.ToString(), When(d?["datetime"]?.ToString()),
                    d?["tracking_location"]?["city"]?.ToString(), d?["tracking_location"]?["state"]?.ToString())).Reverse().ToList();
                found = new Found(Map(t["status"]?.ToString()), t["est_delivery_date"]?.ToString(), t["public_url"]?.ToString() ?? publicUrl, details,
                    When(t["updated_at"]?.ToString()), "easypost");
            }
            catch (EasyPostException e) { log.LogWarning("EasyPost tracker {Tracker} failed ({Status}); trying the carrier", trackerId, e.Status); }
        }
        if (found is null && IsUps(number) && ups.Configured)
        {
            try
            {
                var t = await ups.TrackAsync(number, ct);
                found = new Found(MapUps(t.StatusType, t.StatusCode, t.Description), t.DeliveryDate?.ToString("yyyy-MM-dd"), publicUrl,
                    t.Activity.Select(a => new TrackingDetail(MapUps(a.StatusType, a.StatusCode, a.Description), a.Description, a.At, a.City, a.State)).ToList(),
                    t.Activity.FirstOrDefault()?.At, "ups");
            }
            catch (UpsException e) { log.LogWarning("UPS tracking failed: {Error}", e.Message); }
        }
        if (found is null && label?.Provider == "local")
        {
            var events = await db.QueryToListAsync<(string To, DateTimeOffset At, string? Reason)>("""
                select to_status as "Item1", created_at as "Item2", reason as "Item3" from wholesale.order_events
                 where order_id = @Id and kind = 'status' and to_status in ('packed', 'shipped', 'delivered') order by created_at desc, id desc
                """, new { order.Id }, ct);
            var status = order.Status switch { "delivered" => "delivered", "shipped" => "in_transit", "packed" => "pre_transit", _ => "unknown" };
            found = new Found(status, null, publicUrl, events.Select(e => new TrackingDetail(
                e.To switch { "delivered" => "delivered", "shipped" => "in_transit", _ => "pre_transit" }, e.Reason, e.At, null, null)).ToList(),
                events.FirstOrDefault().At is var at && at != default ? at : null, "local");
        }
        found ??= new Found("unknown", null, publicUrl, [], null, "none");

        var orderStatus = order.Status;
        if (found.Status == "delivered" && order.Status == "shipped" && found.Source is "easypost" or "ups")
        {
            await using var tx = await db.BeginTransactionAsync(ct);
            if (await ShipOrders.MoveAsync(db, order.Id, "delivered", "system", null, $"carrier {carrier ?? found.Source} reported delivered ({found.Source})", ct) is not null)
                orderStatus = "delivered";
            await tx.CommitAsync(ct);
        }
        return new Response(true, number, carrier, found.Status, Label(found.Status), found.Est, found.PublicUrl ?? publicUrl, found.Details,
            found.Updated, found.Source, orderStatus);
    }

    static bool IsUps(string n) => n.StartsWith("1Z", StringComparison.OrdinalIgnoreCase) && n.Length == 18;

    static DateTimeOffset? When(string? s) => DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture,
        System.Globalization.DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    /// <summary>EasyPost's tracker statuses onto the portal's vocabulary.</summary>
    static string Map(string? s) => s switch
    {
        "pre_transit" => "pre_transit",
        "in_transit" or "available_for_pickup" => "in_transit",
        "out_for_delivery" => "out_for_delivery",
        "delivered" => "delivered",
        "return_to_sender" or "failure" or "error" or "cancelled" => "exception",
        _ => "unknown",
    };

    /// <summary>UPS status types: D delivered, I in transit (code OT or "out for delivery" text: out for delivery), X exception, P pickup, M manifest.</summary>
    static string MapUps(string? type, string? code, string? description) => type switch
    {
        "D" => "delivered",
        "I" when code == "OT" || (description?.Contains("out for delivery", StringComparison.OrdinalIgnoreCase) ?? false) => "out_for_delivery",
        "I" or "P" => "in_transit",
        "X" or "RS" => "exception",
        "M" or "MV" => "pre_transit",
        _ => "unknown",
    };

    static string Label(string status) => status switch
    {
        "pre_transit" => "Label created", "in_transit" => "In transit", "out_for_delivery" => "Out for delivery",
        "delivered" => "Delivered", "exception" => "Delivery exception", _ => "Unknown",
    };

    static string? PublicUrl(string? carrier, string number)
    {
        var n = Uri.EscapeDataString(number);
        return (carrier ?? "").ToUpperInvariant() switch
        {
            var c when c.Contains("UPS") || number.StartsWith("1Z", StringComparison.OrdinalIgnoreCase) => $"https://www.ups.com/track?tracknum={n}",
            var c when c.Contains("USPS") => $"https://tools.usps.com/go/TrackConfirmAction?tLabels={n}",
            var c when c.Contains("FEDEX") => $"https://www.fedex.com/fedextrack/?trknbr={n}",
            var c when c.Contains("DHL") => $"https://www.dhl.com/us-en/home/tracking.html?tracking-id={n}",
            _ => null,
        };
    }
}
