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
/// Two round trips: the catalog read, then every write in one statement (<c>wholesale.place_order</c>, PlaceOrder.sql), which
/// PostgreSQL runs as one implicit transaction.
/// </summary>
sealed class Handler(AppDb db, IOptions<WholesaleOptions> options) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ProductsSql = Sql.Load<Handler>("Products.sql");
    static readonly string PlaceSql = Sql.Load<Handler>("PlaceOrder.sql");
    static readonly JsonSerializerOptions SnakeJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var items = req.Items!;
        var ids = items.Where(i => i.ProductId is > 0).Select(i => i.ProductId!.Value).Distinct().ToArray();
        var skus = items.Where(i => i.ProductId is not > 0).Select(i => i.Sku!.Trim().ToLowerInvariant()).Distinct().ToArray();
        var catalog = await db.QueryToListAsync<ProductRow>(ProductsSql, new { Ids = ids, Skus = skus }, ct);
        var byId = catalog.ToDictionary(p => p.Id);
        var bySku = catalog.GroupBy(p => p.Sku.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First());

        // resolve every line; one line per product (quantities of repeated products add up)
        var errors = new List<Error>();
        var wanted = new List<(ProductRow Product, int Quantity)>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var found = item.ProductId is > 0 ? byId.GetValueOrDefault(item.ProductId.Value) : bySku.GetValueOrDefault(item.Sku!.Trim().ToLowerInvariant());
            if (found is not { IsActive: true })
            {
                errors.Add(Error.Validation("Order.UnknownProduct", "no such product in the catalog",
                    new Dictionary<string, object> { ["field"] = item.ProductId is > 0 ? $"items[{i}].product_id" : $"items[{i}].sku" }));
                continue;
            }
            var at = wanted.FindIndex(w => w.Product.Id == found.Id);
            if (at >= 0) wanted[at] = (found, wanted[at].Quantity + item.Quantity);
            else wanted.Add((found, item.Quantity));
        }
        if (errors.Count > 0) return errors;
        if (wanted.Any(w => w.Quantity > Request.MaxQuantity))
            return Error.Validation("Order.QuantityTooLarge", $"at most {Request.MaxQuantity} of one product", new Dictionary<string, object> { ["field"] = "items" });

        // untracked products marked out of stock by hand cannot be ordered either
        var untrackedOut = wanted.Where(w => w.Product.StockQuantity is null && !w.Product.InStock)
            .Select(w => new ShortLine(w.Product.Id, w.Product.Sku, w.Product.Name, w.Quantity, 0)).ToList();
        if (untrackedOut.Count > 0) return Short(untrackedOut);

        var lines = wanted.Select(w =>
        {
            var bulk = w.Product.BulkPrice is { } bp && w.Product.BulkQuantity is { } bq && w.Quantity >= bq;
            var price = bulk ? w.Product.BulkPrice!.Value : w.Product.UnitPrice;
            return new Line(w.Product.Id, w.Product.Name, w.Product.Sku, w.Product.Brand, w.Product.UnitSize, w.Quantity, price,
                w.Product.Cost, bulk, Money.Round(price * w.Quantity));
        }).ToList();
        var subtotal = lines.Sum(l => l.LineTotal);
        var fee = subtotal >= options.Value.FreeDeliveryFrom ? 0m : options.Value.DeliveryFee;
        var total = subtotal + fee;
        var method = (req.PaymentMethod?.Trim().ToLowerInvariant() ?? "net30") switch { "credit_card" => "card", var m => m };

        // a guest's net-30 is flagged here; a customer's terms and credit are checked under a lock in the same statement as the writes
        var guestNet30 = method == "net30" && req.CustomerId is null ? "net30 requested by a guest; net-30 terms need an approved account" : null;
        var orderNumber = OrderNumbers.New();
        var phone = Phones.ToE164(req.DeliveryPhone);
        var placed = await db.QueryToListAsync<PlacedRow>(PlaceSql, new
        {
            OrderNumber = orderNumber, req.CustomerId,
            DeliveryName = req.DeliveryName!.Trim(), DeliveryFirstName = Clean(req.DeliveryFirstName), DeliveryLastName = Clean(req.DeliveryLastName),
            DeliveryEmail = Clean(req.DeliveryEmail), DeliveryCompany = Clean(req.DeliveryCompany), DeliveryAddress = req.DeliveryAddress!.Trim(),
            DeliveryCity = req.DeliveryCity!.Trim(), DeliveryState = req.DeliveryState!.Trim(), DeliveryZip = req.DeliveryZip!.Trim(),
            DeliveryPhone = phone, SpecialNotes = Clean(req.SpecialNotes), BillingAddress = Clean(req.BillingAddress),
            Subtotal = subtotal, DeliveryFee = fee, PaymentMethod = method, ReviewReason = guestNet30,
            ActorLabel = req.CustomerId is { } c ? $"customer:{c}" : "guest",
            ActorKind = "customer",
            CreatedReason = req.CustomerId is null ? "guest checkout" : "web checkout",
            Items = JsonSerializer.Serialize(lines, SnakeJson),
        }, ct);
        if (placed.Count == 0) throw new InvalidOperationException("wholesale.place_order returned no row");
        if (placed is not [{ OrderId: { } orderId, CreatedAt: { } createdAt } order])
            return Short(placed.Select(r =>
            {
                var l = lines.First(x => x.ProductId == r.ProductId);
                return new ShortLine(l.ProductId, l.ProductSku, l.ProductName, r.Requested ?? 0, r.Available ?? 0);
            }).ToList());
        var reviewReason = order.ReviewReason;

        var view = new OrderView
        {
            Id = orderId, OrderNumber = orderNumber, UserId = req.CustomerId, Status = "pending", CreatedAt = createdAt,
            DeliveryName = req.DeliveryName.Trim(), DeliveryFirstName = Clean(req.DeliveryFirstName), DeliveryLastName = Clean(req.DeliveryLastName),
            DeliveryEmail = Clean(req.DeliveryEmail), DeliveryCompany = Clean(req.DeliveryCompany), DeliveryAddress = req.DeliveryAddress.Trim(),
            DeliveryCity = req.DeliveryCity.Trim(), DeliveryState = req.DeliveryState.Trim(), DeliveryZip = req.DeliveryZip.Trim(),
            DeliveryPhone = phone, SpecialNotes = Clean(req.SpecialNotes), Subtotal = subtotal, DiscountAmount = 0, DeliveryFee = fee,
            TotalAmount = total, PaymentMethod = method, PaymentStatus = "unpaid", NeedsReview = reviewReason is not null,
            Items = lines.Select(l => new OrderItemView
            {
                OrderId = orderId, ProductId = l.ProductId, ProductName = l.ProductName, ProductSku = l.ProductSku, ProductBrand = l.ProductBrand,
                ProductUnitSize = l.ProductUnitSize, Quantity = l.Quantity, UnitPrice = l.UnitPrice, IsBulkPrice = l.IsBulkPrice, LineTotal = l.LineTotal,
            }).ToList(),
        };
        var message = reviewReason is null ? "Order placed" : "Order placed; it stays pending until staff review its payment terms";
        return new Response(true, message, view);
    }

    static Error Short(List<ShortLine> lines) => Error.Conflict("Order.InsufficientStock",
        "Not enough stock for: " + string.Join(", ", lines.Select(l => $"{l.ProductSku} (requested {l.Requested}, available {l.Available})")),
        new Dictionary<string, object> { ["short_items"] = lines });

    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    sealed record ShortLine(long ProductId, string ProductSku, string ProductName, int Requested, int Available);

    sealed record Line(long ProductId, string ProductName, string ProductSku, string? ProductBrand, string? ProductUnitSize, int Quantity,
        decimal UnitPrice, decimal? UnitCost, bool IsBulkPrice, decimal LineTotal);

    sealed class ProductRow
    {
        public long Id { get; init; }
        public string Sku { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Brand { get; init; }
        public string? UnitSize { get; init; }
        public decimal UnitPrice { get; init; }
        public decimal? BulkPrice { get; init; }
        public int? BulkQuantity { get; init; }
        public decimal? Cost { get; init; }
        public int? StockQuantity { get; init; }
        public bool InStock { get; init; }
        public bool IsActive { get; init; }
    }

    /// <summary>Placed: one row with <see cref="OrderId"/>. Short: one row per short tracked line, <see cref="OrderId"/> null.</summary>
    sealed class PlacedRow
    {
        public long? OrderId { get; init; }
        public DateTimeOffset? CreatedAt { get; init; }
        public string? ReviewReason { get; init; }
        public long? ProductId { get; init; }
        public int? Requested { get; init; }
        public int? Available { get; init; }
    }
}
