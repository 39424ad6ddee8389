using System.Text.Json;
using Api.Features.Wholesale.Common;
using Api.Features.Wholesale.SalesCustomers;
using Api.Infrastructure.Database;
using Api.Infrastructure.Security;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Microsoft.Extensions.Options;

namespace Api.Features.Wholesale.SalesOrders.PlaceOrder;

/// <summary>
/// The core's order rules for a rep's order, in one transaction: catalog prices (bulk from <c>bulk_quantity</c>), the standard
/// delivery fee unless the rep sets one, stock reserved with a ledger row per product (409 naming short lines), net-30 accepted
/// only within an approved account's credit (else pending with <c>needs_review</c>). A sales rep's discount is capped at
/// <c>Wholesale:Sales:MaxDiscountPercent</c> (default 15) of the subtotal; admins and managers up to the subtotal.
/// </summary>
sealed class Handler(AppDb db, SecretBox box, IOptions<WholesaleOptions> options, IConfiguration config) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ProductsSql = Sql.Load<Handler>("Products.sql");
    static readonly string CustomerSql = Sql.Load<Handler>("Customer.sql");
    static readonly string InsertSql = Sql.Load<Handler>("InsertOrder.sql");
    static readonly string ReserveSql = Sql.Load<Handler>("Reserve.sql");
    static readonly string ItemsSql = Sql.Load<Handler>("InsertItems.sql");
    static readonly JsonSerializerOptions SnakeJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    static Error Field(string field, string message, string code = "Order.Invalid") =>
        Error.Validation(code, message, new Dictionary<string, object> { ["field"] = field });

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var staffId = req.Caller.Id!.Value;
        var items = req.Items!;
        var ids = items.Where(i => i.ProductId is > 0).Select(i => i.ProductId!.Value).Distinct().ToArray();
        var skus = items.Where(i => i.ProductId is not > 0).Select(i => i.Sku!.Trim().ToLowerInvariant()).Distinct().ToArray();
        var catalog = await db.QueryToListAsync<ProductRow>(ProductsSql, new { Ids = ids, Skus = skus }, ct);
        var byId = catalog.ToDictionary(p => p.Id);
        var bySku = catalog.GroupBy(p => p.Sku.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First());

        var errors = new List<Error>();
        var wanted = new List<(ProductRow Product, int Quantity)>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var found = item.ProductId is > 0 ? byId.GetValueOrDefault(item.ProductId.Value) : bySku.GetValueOrDefault(item.Sku!.Trim().ToLowerInvariant());
            if (found is not { IsActive: true })
            {
                errors.Add(Field(item.ProductId is > 0 ? $"items[{i}].product_id" : $"items[{i}].sku", "no such product in the catalog", "Order.UnknownProduct"));
                continue;
            }
            var at = wanted.FindIndex(w => w.Product.Id == found.Id);
            if (at >= 0) wanted[at] = (found, wanted[at].Quantity + item.Quantity);
            else wanted.Add((found, item.Quantity));
        }
        if (errors.Count > 0) return errors;
        if (wanted.Any(w => w.Quantity > Request.MaxQuantity)) return Field("items", $"at most {Request.MaxQuantity} of one product");
        var untrackedOut = wanted.Where(w => w.Product.StockQuantity is null && !w.Product.InStock)
            .Select(w => new ShortLine(w.Product.Id, w.Product.Sku, w.Product.Name, w.Quantity, 0)).ToList();
        if (untrackedOut.Count > 0) return Short(untrackedOut);

        var lines = wanted.Select(w =>
        {
            var bulk = w.Product.BulkPrice is not null && w.Product.BulkQuantity is { } bq && w.Quantity >= bq;
            var price = bulk ? w.Product.BulkPrice!.Value : w.Product.UnitPrice;
            return new Line(w.Product.Id, w.Product.Name, w.Product.Sku, w.Product.Brand, w.Product.UnitSize, w.Quantity, price,
                w.Product.Cost, bulk, Money.Round(price * w.Quantity));
        }).ToList();
        var subtotal = lines.Sum(l => l.LineTotal);
        var discount = req.DiscountAmount ?? 0m;
        var maxPercent = config.GetValue<decimal?>("Wholesale:Sales:MaxDiscountPercent") ?? 15m;
        var cap = req.Caller.IsAdminOrManager ? subtotal : Money.Round(subtotal * maxPercent / 100m);
        if (discount > cap)
            return Field("discount_amount", req.Caller.IsAdminOrManager
                ? $"discount cannot exceed the subtotal ({subtotal:0.00})"
                : $"discount cannot exceed {maxPercent:0.##}% of the subtotal ({cap:0.00})", "Order.DiscountTooLarge");
        var fee = req.DeliveryFee ?? (subtotal - discount >= options.Value.FreeDeliveryFrom ? 0m : options.Value.DeliveryFee);
        var total = subtotal - discount + fee;

        await using var tx = await db.BeginTransactionAsync(ct);
        if (await db.QueryToListAsync<CustomerRow>(CustomerSql, new { req.CustomerId }, ct) is not [var customer])
            return Field("customer_id", "no such customer", "Customer.NotFound");
        var method = (req.PaymentMethod?.Trim().ToLowerInvariant() ?? (customer.Terms == "net30" ? "net30" : "cash")) switch { "credit_card" => "card", var m => m };
        if (method == "ach" && req.Ach is null && !customer.HasAch)
            return Field("ach", "payment_method ach needs the customer's ACH details (send ach, or save them first)");

        string? reviewReason = null;
        if (method == "net30")
        {
            if (!customer.Approved || customer.Terms != "net30") reviewReason = "net30 requested but the account is not approved for net-30 terms";
            else if (customer.CreditLimit - customer.Unpaid < total)
                reviewReason = $"net30 order of {total:0.00} exceeds available credit {Math.Max(0, customer.CreditLimit - customer.Unpaid):0.00} " +
                               $"(limit {customer.CreditLimit:0.00}, unpaid {customer.Unpaid:0.00})";
        }

        AchView? ach = null;
        if (req.Ach is { } a)
            ach = await AchOnFile.SaveAsync(db, box, customer.Id, staffId, a.BankName, a.AccountName, a.RoutingNumber!, a.AccountNumber!, a.AccountType, ct);

        var orderNumber = OrderNumbers.New();
        var deliveryName = customer.Name ?? customer.Company ?? $"Customer {customer.Id}";
        var notes = string.IsNullOrWhiteSpace(req.Notes) ? null : req.Notes.Trim();
        var order = (await db.QueryToListAsync<InsertedRow>(InsertSql, new
        {
            OrderNumber = orderNumber, CustomerId = customer.Id, DeliveryName = deliveryName, customer.FirstName, customer.LastName,
            customer.Email, customer.Company, Address = customer.ShippingAddress, customer.Phone, Notes = notes,
            Billing = customer.BillingAddress, Subtotal = subtotal, Discount = discount, Fee = fee, Total = total,
            PaymentMethod = method, NeedsReview = reviewReason is not null, ReviewReason = reviewReason, StaffId = staffId,
        }, ct)).Single();

        var tracked = lines.Where(l => wanted.First(w => w.Product.Id == l.ProductId).Product.StockQuantity is not null).ToList();
        if (tracked.Count > 0)
        {
            var reserved = await db.QueryToListAsync<ReserveRow>(ReserveSql, new
            {
                Ids = tracked.Select(l => l.ProductId).ToArray(), Qtys = tracked.Select(l => l.Quantity).ToArray(),
                OrderId = order.Id, OrderNumber = orderNumber, ActorKind = "staff", ActorId = staffId,
            }, ct);
            var shortLines = reserved.Where(r => !r.Reserved).Select(r =>
            {
                var l = lines.First(x => x.ProductId == r.ProductId);
                return new ShortLine(l.ProductId, l.ProductSku, l.ProductName, r.Requested, r.Available ?? 0);
            }).ToList();
            if (shortLines.Count > 0) return Short(shortLines);   // the transaction rolls back: no order, no ACH change
        }
        await db.ExecuteAsync(ItemsSql, new { OrderId = order.Id, Items = JsonSerializer.Serialize(lines, SnakeJson) }, ct);
        await tx.CommitAsync(ct);

        var view = new OrderView
        {
            Id = order.Id, OrderNumber = orderNumber, UserId = customer.Id, SalesRepId = staffId, CreatedAt = order.CreatedAt,
            DeliveryName = deliveryName, DeliveryEmail = customer.Email, DeliveryPhone = customer.Phone, DeliveryCompany = customer.Company,
            DeliveryAddress = customer.ShippingAddress, SpecialNotes = notes, Subtotal = subtotal, DiscountAmount = discount, DeliveryFee = fee,
            TotalAmount = total, PaymentMethod = method, NeedsReview = reviewReason is not null, ReviewReason = reviewReason, Ach = ach,
            Items = lines.Select(l => new ItemView(l.ProductId, l.ProductName, l.ProductSku, l.ProductBrand, l.ProductUnitSize, l.Quantity,
                l.UnitPrice, l.IsBulkPrice, l.LineTotal)).ToList(),
        };
        return new Response(true, reviewReason is null ? "Order placed" : "Order placed; it stays pending until staff review its payment terms", view);
    }

    static Error Short(List<ShortLine> lines) => Error.Conflict("Order.InsufficientStock",
        "Not enough stock for: " + string.Join(", ", lines.Select(l => $"{l.ProductSku} (requested {l.Requested}, available {l.Available})")),
        new Dictionary<string, object> { ["short_items"] = lines });

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

    sealed class CustomerRow
    {
        public long Id { get; init; }
        public string? Name { get; init; }
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
        public string? Company { get; init; }
        public string? Email { get; init; }
        public string? Phone { get; init; }
        public string? ShippingAddress { get; init; }
        public string? BillingAddress { get; init; }
        public bool Approved { get; init; }
        public string Terms { get; init; } = "";
        public decimal CreditLimit { get; init; }
        public bool HasAch { get; init; }
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
