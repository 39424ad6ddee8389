using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.EasyPost;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.ShippingOrders.BuyLabel;

/// <summary>
/// Buys the label(s) first (EasyPost: create the shipment, or an order for several parcels, take the rate matching carrier
/// and service, buy; local carrier: rate table and sample PDF), then in one transaction stores a label row per parcel, adds
/// the tracking numbers and cost to the order and moves a confirmed order to packed. A purchase that fails writes nothing.
/// </summary>
sealed class Handler(AppDb db, EasyPostClient easyPost, ILogger<Handler> log) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string InsertSql = Sql.Load<Handler>("InsertLabel.sql");
    static readonly string[] Labelable = ["confirmed", "packed"];

    sealed record Bought(string Provider, string Carrier, string Service, decimal Rate, string? Tracking, string? LabelUrl, byte[]? Pdf,
        string? ShipmentId, string? TrackerId, string? EpOrderId, int ParcelIndex, string Parcel);

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (await ShipOrders.LoadAsync(db, req.OrderNumber, ct) is not { } order) return ShipOrders.NotFound;
        if (!Labelable.Contains(order.Status)) return NotLabelable(order);

        var bought = easyPost.Configured ? await EasyPostAsync(req, order, ct) : Local(req, order);
        if (bought.IsError) return bought.Errors;

        await using var tx = await db.BeginTransactionAsync(ct);
        if (await ShipOrders.LoadAsync(db, req.OrderNumber, ct, forUpdate: true) is not { } locked) return ShipOrders.NotFound;
        if (!Labelable.Contains(locked.Status)) return NotLabelable(locked);
        var ids = new List<long>();
        foreach (var b in bought.Value)
            ids.Add((await db.QueryToListAsync<long>(InsertSql, new
            {
                OrderId = locked.Id, b.Provider, b.Carrier, b.Service, b.Rate, b.Tracking, b.LabelUrl, b.Pdf, b.ShipmentId, b.TrackerId,
                b.EpOrderId, b.ParcelIndex, b.Parcel, Insurance = req.Insurance, CreatedBy = req.Caller.Label,
            }, ct)).Single());
        var numbers = ShipOrders.Numbers(locked.TrackingNumber);
        numbers.AddRange(bought.Value.Select(b => b.Tracking).OfType<string>().Where(t => !numbers.Contains(t)));
        await db.ExecuteAsync("""
            update wholesale.orders set tracking_number = @Tracking, carrier = @Carrier, shipping_cost = shipping_cost + @Cost, updated_at = now()
             where id = @Id
            """, new { Tracking = numbers.Count == 0 ? null : string.Join(", ", numbers), Carrier = bought.Value[0].Carrier,
                Cost = bought.Value.Sum(b => b.Rate), locked.Id }, ct);
        var status = locked.Status;
        if (status == "confirmed")
        {
            await ShipOrders.MoveAsync(db, locked.Id, "packed", req.Caller.ActorKind, req.Caller.Id,
                $"first label bought ({bought.Value[0].Carrier} {bought.Value[0].Service})", ct);
            status = "packed";
        }
        await tx.CommitAsync(ct);

        var views = bought.Value.Select((b, i) => new LabelView
        {
            Id = ids[i], Provider = b.Provider, Carrier = b.Carrier, Service = b.Service, Rate = b.Rate, TrackingNumber = b.Tracking,
            LabelUrl = b.LabelUrl, ShipmentId = b.ShipmentId, TrackerId = b.TrackerId, EpOrderId = b.EpOrderId, ParcelIndex = b.ParcelIndex,
            CreatedBy = req.Caller.Label, CreatedAt = DateTimeOffset.UtcNow,
        }).ToList();
        var first = views[0];
        return new Response(first.LabelUrl, first.TrackingNumber, first.Carrier, first.Service, views.Sum(v => v.Rate),
            first.ShipmentId ?? first.EpOrderId, first.TrackerId, first.Id, first.Provider, status, views);
    }

    static Error NotLabelable(ShipOrder order) =>
        Error.Conflict("Order.NotLabelable", $"Order {order.OrderNumber} is {order.Status}; labels are bought for confirmed or packed orders",
            new Dictionary<string, object> { ["status"] = order.Status });

    static Error NoRate(string carrier, string service, IEnumerable<(string Carrier, string Service, decimal Rate)> offered) =>
        Error.Conflict("Label.NoMatchingRate", $"No {carrier} {service} rate was offered for this shipment",
            new Dictionary<string, object>
            {
                ["offered_rates"] = offered.Select(o => new Dictionary<string, object> { ["carrier"] = o.Carrier, ["service"] = o.Service, ["rate"] = o.Rate }).ToList(),
            });

    static string ParcelJson(Request.Parcel p) => JsonSerializer.Serialize(new { length = p.Length, width = p.Width, height = p.Height, weight = p.Weight, predefined_package = p.PredefinedPackage });

    ErrorOr<List<Bought>> Local(Request req, ShipOrder order)
    {
        var zone = LocalCarrier.Zone(req.FromAddress!.Zip, req.ToAddress!.Zip);
        var parcels = req.Parcels!;
        var offered = LocalCarrier.Services
            .Select(s => (s.Carrier, s.Service, Rates: parcels.Select(p => LocalCarrier.Rate(s, zone, LocalCarrier.BillableLb(p.Weight!.Value, p.Length, p.Width, p.Height))).ToList()))
            .Where(s => s.Rates.All(r => r is not null)).ToList();
        var match = offered.FirstOrDefault(s => s.Carrier.Equals(req.Carrier, StringComparison.OrdinalIgnoreCase) && s.Service.Equals(req.Service, StringComparison.OrdinalIgnoreCase));
        if (match.Carrier is null) return NoRate(req.Carrier!, req.Service!, offered.Select(o => (o.Carrier, o.Service, o.Rates.Sum(r => r!.Value))));
        var from = Lines(req.FromAddress);
        var to = Lines(req.ToAddress);
        return parcels.Select((p, i) =>
        {
            var tracking = LocalCarrier.TrackingNumber();
            var pdf = LocalCarrier.SamplePdf(match.Carrier, match.Service, tracking, order.OrderNumber, from, to, i + 1, parcels.Count);
            return new Bought("local", match.Carrier, match.Service, match.Rates[i]!.Value, tracking, "data:application/pdf;base64," + Convert.ToBase64String(pdf),
                pdf, null, null, null, i, ParcelJson(p));
        }).ToList();
    }

    static string[] Lines(Request.Address a) => new[] { a.Name, a.Company, a.Street1, a.Street2,
        $"{a.City}, {a.State} {a.Zip}".Trim(), a.Country is { Length: > 0 } c && c != "US" ? c : null }.OfType<string>().Where(l => l.Trim().Length > 0).ToArray();

    async Task<ErrorOr<List<Bought>>> EasyPostAsync(Request req, ShipOrder order, CancellationToken ct)
    {
        try
        {
            var parcels = req.Parcels!;
            if (parcels.Count == 1)
            {
                var shipment = new JsonObject
                {
                    ["from_address"] = Node(req.FromAddress!), ["to_address"] = Node(req.ToAddress!), ["parcel"] = Node(parcels[0]),
                    ["reference"] = order.OrderNumber, ["options"] = new JsonObject { ["label_format"] = "PDF" },
                };
                if (req.CustomsInfo is not null) shipment["customs_info"] = req.CustomsInfo.DeepClone();
                var created = await easyPost.CreateShipmentAsync(shipment, ct);
                var rates = Rates(created["rates"]);
                var rate = rates.FirstOrDefault(r => r.Carrier.Equals(req.Carrier, StringComparison.OrdinalIgnoreCase) && r.Service.Equals(req.Service, StringComparison.OrdinalIgnoreCase));
                if (rate.Id is null) return NoRate(req.Carrier!, req.Service!, rates.Select(r => (r.Carrier, r.Service, r.Rate)));
                var paid = await easyPost.BuyShipmentAsync(Str(created["id"])!, rate.Id, req.Insurance, ct);
                return new List<Bought> { FromShipment(paid, rate.Carrier, rate.Service, null, 0, ParcelJson(parcels[0])) };
            }
            var epOrder = new JsonObject
            {
                ["from_address"] = Node(req.FromAddress!), ["to_address"] = Node(req.ToAddress!), ["reference"] = order.OrderNumber,
                ["shipments"] = new JsonArray(parcels.Select(p =>
                {
                    var s = new JsonObject { ["parcel"] = Node(p), ["options"] = new JsonObject { ["label_format"] = "PDF" } };
                    if (req.CustomsInfo is not null) s["customs_info"] = req.CustomsInfo.DeepClone();
                    return (JsonNode)s;
                }).ToArray()),
            };
            var createdOrder = await easyPost.CreateOrderAsync(epOrder, ct);
            var orderRates = Rates(createdOrder["rates"]);
            var match = orderRates.FirstOrDefault(r => r.Carrier.Equals(req.Carrier, StringComparison.OrdinalIgnoreCase) && r.Service.Equals(req.Service, StringComparison.OrdinalIgnoreCase));
            if (match.Id is null) return NoRate(req.Carrier!, req.Service!, orderRates.Select(r => (r.Carrier, r.Service, r.Rate)));
            var orderId = Str(createdOrder["id"])!;
            var boughtOrder = await easyPost.BuyOrderAsync(orderId, match.Carrier, match.Service, ct);
            var shipments = boughtOrder["shipments"] as JsonArray ?? [];
            return shipments.Select((s, i) => FromShipment(s!.AsObject(), match.Carrier, match.Service, orderId, i, ParcelJson(parcels[Math.Min(i, parcels.Count - 1)]))).ToList();
        }
        catch (EasyPostException e)
        {
            log.LogWarning("EasyPost label purchase for {Order} failed: {Status} {Code}", order.OrderNumber, e.Status, e.Code);
            return e.Status is 400 or 422
                ? Error.Validation("Label.Rejected", $"EasyPost refused the shipment: {e.Message}", new Dictionary<string, object> { ["field"] = "parcels" })
                : Error.Custom(502, "Label.CarrierUnavailable", $"EasyPost could not sell the label: {e.Message}");
        }
    }

    static Bought FromShipment(JsonObject s, string carrier, string service, string? epOrderId, int index, string parcel)
    {
        var rate = s["selected_rate"]?["rate"] is { } r ? decimal.Parse(r.ToString(), CultureInfo.InvariantCulture) : 0m;
        return new Bought("easypost", Str(s["selected_rate"]?["carrier"]) ?? carrier, Str(s["selected_rate"]?["service"]) ?? service, rate,
            Str(s["tracking_code"]), Str(s["postage_label"]?["label_url"]), null, Str(s["id"]), Str(s["tracker"]?["id"]), epOrderId, index, parcel);
    }

    static List<(string Id, string Carrier, string Service, decimal Rate)> Rates(JsonNode? node) =>
        (node as JsonArray ?? []).Where(r => r is not null)
            .Select(r => (Str(r!["id"]) ?? "", Str(r["carrier"]) ?? "", Str(r["service"]) ?? "",
                decimal.TryParse(r["rate"]?.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : 0m))
            .Where(r => r.Item1.Length > 0).ToList();

    static string? Str(JsonNode? n) => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : n?.ToString();

    static JsonObject Node(Request.Address a)
    {
        var o = new JsonObject();
        void Add(string k, string? v) { if (!string.IsNullOrWhiteSpace(v)) o[k] = v.Trim(); }
        Add("name", a.Name); Add("company", a.Company); Add("street1", a.Street1); Add("street2", a.Street2); Add("city", a.City);
        Add("state", a.State); Add("zip", a.Zip); Add("country", a.Country ?? "US"); Add("phone", a.Phone); Add("email", a.Email);
        return o;
    }

    static JsonObject Node(Request.Parcel p)
    {
        var o = new JsonObject();
        if (p.Length is { } l) o["length"] = l;
        if (p.Width is { } w) o["width"] = w;
        if (p.Height is { } h) o["height"] = h;
        if (p.Weight is { } wt) o["weight"] = wt;
        if (p.PredefinedPackage is { } pp) o["predefined_package"] = pp;
        return o;
    }
}
