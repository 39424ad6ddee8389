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
/// </summary>
sealed class Handler(AppDb db, IOptions<WholesaleOptions> options) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ProductsSql = Sql.Load<Handler>("Products.sql");
    static readonly string TermsSql = Sql.Load<Handler>("Terms.sql");
    static readonly string InsertSql = Sql.Load<Handler>("InsertOrder.sql");
    static readonly string ReserveSql = Sql.Load<Handler>("Reserve.sql");
    static readonly string ItemsSql = Sql.Load<Handler>("InsertItems.sql");
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

        await using var tx = await db.BeginTransactionAsync(ct);
        string? reviewReason = null;
        if (method == "net30")
        {
            if (req.CustomerId is not { } customerId) reviewReason = "net30 requested by a guest; net-30 terms need an approved account";
            else if (await db.QueryToListAsync<TermsRow>(TermsSql, new { CustomerId = customerId }, ct) is not [var terms])
                reviewReason = "net30 requested but the account was not found";
            else if (!terms.Approved || terms.Terms != "net30")
                reviewReason = "net30 requested but the account is not approved for net-30 terms";
            else if (terms.CreditLimit - terms.Unpaid < total)
                reviewReason = $"net30 order of {total:0.00} exceeds available credit {Math.Max(0, terms.CreditLimit - terms.Unpaid):0.00} " +
                               $"(limit {terms.CreditLimit:0.00}, unpaid {terms.Unpaid:0.00})";
        }

        var orderNumber = OrderNumbers.New();
        var phone = Phones.ToE164(req.DeliveryPhone);
        var inserted = await db.QueryToListAsync<InsertedRow>(InsertSql, new
        {
            OrderNumber = orderNumber, req.CustomerId,
            DeliveryName = req.DeliveryName!.Trim(), DeliveryFirstName = Clean(req.DeliveryFirstName), DeliveryLastName = Clean(req.DeliveryLastName),
            DeliveryEmail = Clean(req.DeliveryEmail), DeliveryCompany = Clean(req.DeliveryCompany), DeliveryAddress = req.DeliveryAddress!.Trim(),
            DeliveryCity = req.DeliveryCity!.Trim(), DeliveryState = req.DeliveryState!.Trim(), DeliveryZip = req.DeliveryZip!.Trim(),
            DeliveryPhone = phone, SpecialNotes = Clean(req.SpecialNotes), BillingAddress = Clean(req.BillingAddress),
            Subtotal = subtotal, DeliveryFee = fee, Total = total, PaymentMethod = method,
            NeedsReview = reviewReason is not null, ReviewReason = reviewReason,
            ActorLabel = req.CustomerId is { } c ? $"customer:{c}" : "guest",
            ActorKind = "customer", ActorId = req.CustomerId,
            CreatedReason = req.CustomerId is null ? "guest checkout" : "web checkout",
        }, ct);
        var order = inserted.Single();

        var tracked = lines.Where(l => wanted.First(w => w.Product.Id == l.ProductId).Product.StockQuantity is not null).ToList();
        if (tracked.Count > 0)
        {
            var reserved = await db.QueryToListAsync<ReserveRow>(ReserveSql, new
            {
                Ids = tracked.Select(l => l.ProductId).ToArray(), Qtys = tracked.Select(l => l.Quantity).ToArray(),
                OrderId = order.Id, OrderNumber = orderNumber, ActorKind = "customer", ActorId = req.CustomerId,
            }, ct);
            var shortLines = reserved.Where(r => !r.Reserved).Select(r =>
            {
                var l = lines.First(x => x.ProductId == r.ProductId);
                return new ShortLine(l.ProductId, l.ProductSku, l.ProductName, r.Requested, r.Available ?? 0);
            }).ToList();
            if (shortLines.Count > 0) return Short(shortLines);   // disposing the transaction rolls everything back
        }
        await db.ExecuteAsync(ItemsSql, new { OrderId = order.Id, Items = JsonSerializer.Serialize(lines, SnakeJson) }, ct);
        await tx.CommitAsync(ct);

        var view = new OrderView
        {
            Id = order.Id, OrderNumber = orderNumber, UserId = req.CustomerId, Status = "pending", CreatedAt = order.CreatedAt,
            DeliveryName = req.DeliveryName.Trim(), DeliveryFirstName = Clean(req.DeliveryFirstName), DeliveryLastName = Clean(req.DeliveryLastName),
            DeliveryEmail = Clean(req.DeliveryEmail), DeliveryCompany = Clean(req.DeliveryCompany), DeliveryAddress = req.DeliveryAddress.Trim(),
            DeliveryCity = req.DeliveryCity.Trim(), DeliveryState = req.DeliveryState.Trim(), DeliveryZip = req.DeliveryZip.Trim(),
            DeliveryPhone = phone, SpecialNotes = Clean(req.SpecialNotes), Subtotal = subtotal, DiscountAmount = 0, DeliveryFee = fee,
            TotalAmount = total, PaymentMethod = method, PaymentStatus = "unpaid", NeedsReview = reviewReason is not null,
            Items = lines.Select(l => new OrderItemView
            {
                OrderId = order.Id, ProductId = l.ProductId, ProductName = l.ProductName, ProductSku = l.ProductSku, ProductBrand = l.ProductBrand,
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

    sealed class TermsRow
    {
        public bool Approved { get; init; }
        public string Terms { get; init; } = "";
        public decimal CreditLimit { get; init; }
        public decimal Unpaid { get; init; }
    }

    sealed class InsertedRow { public long Id { get; init; } public DateTimeOffset CreatedAt { get; init; } }

    sealed class ReserveRow
    {
        public long ProductId { get; init; }
        public int? Available { get; init; }
        public int Requested { get; init; }
        public bool Reserved { get; init; }
    }
}
