using System.Text.Json;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Microsoft.Extensions.Options;

namespace Api.Features.Wholesale.Orders.PlaceOrder;

/// <summary>
/// Places an order in one transaction: catalog prices (the bulk price from <c>bulk_quantity</c> up), the delivery fee below
/// <see cref="WholesaleOptions.FreeDeliveryFrom"/>, stock reserved for tracked products with a ledger row each (409 naming the
/// short lines otherwise), and the net-30 check: an approved net-30 account within its credit (limit minus unpaid net-30
/// balance); any other net-30 order stays pending with <c>needs_review</c> and a <c>review_reason</c>.
/// One round trip: the catalog read, the pricing, the checks and every write are one statement (<c>wholesale.place_order</c>,
/// PlaceOrder.sql), which PostgreSQL runs as one implicit transaction; this handler only maps its rows to the answer.
/// </summary>
sealed class Handler(AppDb db, IOptions<WholesaleOptions> options) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string PlaceSql = Sql.Load<Handler>("PlaceOrder.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var items = req.Items!;
        var method = (req.PaymentMethod?.Trim().ToLowerInvariant() ?? "net30") switch { "credit_card" => "card", var m => m };

        // a guest's net-30 is flagged here; a customer's terms and credit are checked under a lock in the same statement as the writes
        var guestNet30 = method == "net30" && req.CustomerId is null ? "net30 requested by a guest; net-30 terms need an approved account" : null;
        var orderNumber = OrderNumbers.New();
        var phone = Phones.ToE164(req.DeliveryPhone);
        var rows = await db.QueryToListAsync<PlacedRow>(PlaceSql, new
        {
            OrderNumber = orderNumber, req.CustomerId,
            DeliveryName = req.DeliveryName!.Trim(), DeliveryFirstName = Clean(req.DeliveryFirstName), DeliveryLastName = Clean(req.DeliveryLastName),
            DeliveryEmail = Clean(req.DeliveryEmail), DeliveryCompany = Clean(req.DeliveryCompany), DeliveryAddress = req.DeliveryAddress!.Trim(),
            DeliveryCity = req.DeliveryCity!.Trim(), DeliveryState = req.DeliveryState!.Trim(), DeliveryZip = req.DeliveryZip!.Trim(),
            DeliveryPhone = phone, SpecialNotes = Clean(req.SpecialNotes), BillingAddress = Clean(req.BillingAddress),
            PaymentMethod = method, ReviewReason = guestNet30,
            ActorLabel = req.CustomerId is { } c ? $"customer:{c}" : "guest",
            ActorKind = "customer",
            CreatedReason = req.CustomerId is null ? "guest checkout" : "web checkout",
            Lines = LinesJson(items),
            MaxQuantity = Request.MaxQuantity,
            options.Value.FreeDeliveryFrom,
            options.Value.DeliveryFee,
        }, ct);
        if (rows.Count == 0) throw new InvalidOperationException("wholesale.place_order returned no row");

        switch (rows[0].Kind)
        {
            case "unknown":
                return rows.Select(r => Error.Validation("Order.UnknownProduct", "no such product in the catalog",
                    new Dictionary<string, object> { ["field"] = items[r.Line!.Value].ProductId is > 0 ? $"items[{r.Line}].product_id" : $"items[{r.Line}].sku" })).ToList();
            case "too_large":
                return Error.Validation("Order.QuantityTooLarge", $"at most {Request.MaxQuantity} of one product", new Dictionary<string, object> { ["field"] = "items" });
            case "short":
                return Short(rows.Select(r => new ShortLine(r.ProductId!.Value, r.ProductSku!, r.ProductName!, r.Quantity!.Value, r.Available!.Value)).ToList());
            case "placed":
                break;
            default:
                throw new InvalidOperationException($"wholesale.place_order returned a row of kind {rows[0].Kind}");
        }

        var order = rows[0];
        var (orderId, createdAt, reviewReason) = (order.OrderId!.Value, order.CreatedAt!.Value, order.ReviewReason);
        var subtotal = order.Subtotal!.Value;
        var fee = order.DeliveryFee!.Value;
        var view = new OrderView
        {
            Id = orderId, OrderNumber = orderNumber, UserId = req.CustomerId, Status = "pending", CreatedAt = createdAt,
            DeliveryName = req.DeliveryName.Trim(), DeliveryFirstName = Clean(req.DeliveryFirstName), DeliveryLastName = Clean(req.DeliveryLastName),
            DeliveryEmail = Clean(req.DeliveryEmail), DeliveryCompany = Clean(req.DeliveryCompany), DeliveryAddress = req.DeliveryAddress.Trim(),
            DeliveryCity = req.DeliveryCity.Trim(), DeliveryState = req.DeliveryState.Trim(), DeliveryZip = req.DeliveryZip.Trim(),
            DeliveryPhone = phone, SpecialNotes = Clean(req.SpecialNotes), Subtotal = subtotal, DiscountAmount = 0, DeliveryFee = fee,
            TotalAmount = subtotal + fee, PaymentMethod = method, PaymentStatus = "unpaid", NeedsReview = reviewReason is not null,
            Items = rows.Select(l => new OrderItemView
            {
                OrderId = orderId, ProductId = l.ProductId!.Value, ProductName = l.ProductName!, ProductSku = l.ProductSku!, ProductBrand = l.ProductBrand,
                ProductUnitSize = l.ProductUnitSize, Quantity = l.Quantity!.Value, UnitPrice = l.UnitPrice!.Value, IsBulkPrice = l.IsBulkPrice!.Value,
                LineTotal = l.LineTotal!.Value,
            }).ToList(),
        };
        var message = reviewReason is null ? "Order placed" : "Order placed; it stays pending until staff review its payment terms";
        return new Response(true, message, view);
    }

    /// <summary>The request's lines for place_order, in request order: a positive product_id, else the trimmed lower-case SKU.</summary>
    static string LinesJson(List<Request.Item> items)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var item in items)
            {
                w.WriteStartObject();
                if (item.ProductId is > 0) w.WriteNumber("product_id", item.ProductId.Value);
                else w.WriteString("sku", item.Sku!.Trim().ToLowerInvariant());
                w.WriteNumber("quantity", item.Quantity);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    static Error Short(List<ShortLine> lines) => Error.Conflict("Order.InsufficientStock",
        "Not enough stock for: " + string.Join(", ", lines.Select(l => $"{l.ProductSku} (requested {l.Requested}, available {l.Available})")),
        new Dictionary<string, object> { ["short_items"] = lines });

    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    sealed record ShortLine(long ProductId, string ProductSku, string ProductName, int Requested, int Available);

    /// <summary>One row of wholesale.place_order; which fields are set depends on <see cref="Kind"/> (see PlaceOrder.sql).</summary>
    sealed class PlacedRow
    {
        public string Kind { get; init; } = "";
        public int? Line { get; init; }
        public long? ProductId { get; init; }
        public string? ProductName { get; init; }
        public string? ProductSku { get; init; }
        public string? ProductBrand { get; init; }
        public string? ProductUnitSize { get; init; }
        public int? Quantity { get; init; }
        public decimal? UnitPrice { get; init; }
        public bool? IsBulkPrice { get; init; }
        public decimal? LineTotal { get; init; }
        public int? Available { get; init; }
        public long? OrderId { get; init; }
        public DateTimeOffset? CreatedAt { get; init; }
        public string? ReviewReason { get; init; }
        public decimal? Subtotal { get; init; }
        public decimal? DeliveryFee { get; init; }
    }
}
