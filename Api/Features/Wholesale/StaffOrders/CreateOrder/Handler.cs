using System.Text.Json;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffOrders.CreateOrder;

/// <summary>
/// One transaction: the customer upserted when asked, the order inserted (a taken order number is 409 and nothing is written),
/// tracked stock reserved with ledger rows (a short line is 409 with <c>short_items</c>, everything rolled back), the lines
/// written, and for <c>payment_status = paid</c> a payment row of the total. Prices: a line's <c>unit_price</c> when sent,
/// else the catalog's (bulk price from <c>bulk_quantity</c> up); the product's cost is snapshotted for the profit report.
/// </summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ProductsSql = Sql.Load<Handler>("Products.sql");
    static readonly string UpsertSql = Sql.Load<Handler>("Upsert.sql");
    static readonly string InsertSql = Sql.Load<Handler>("InsertOrder.sql");
    static readonly string ReserveSql = Sql.Load<Handler>("Reserve.sql");
    static readonly string ItemsSql = Sql.Load<Handler>("InsertItems.sql");
    static readonly string SalesRepSql = Sql.Load<Handler>("SalesRep.sql");
    static readonly JsonSerializerOptions SnakeJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var caller = req.Caller;
        var rep = StaffOrderAccess.IsSalesRep(caller);
        var paymentStatus = req.PaymentStatus?.Trim().ToLowerInvariant() is { Length: > 0 } ps ? ps : rep ? "unpaid" : "paid";
        if (rep && paymentStatus == "paid") return StaffOrderAccess.MoneyForbidden;
        var salesRepId = rep ? caller.Id : req.SalesRepId;
        if (!rep && salesRepId is { } rid && !(await db.QueryToListAsync<bool>(SalesRepSql, new { Id = rid }, ct)).Single())
            return Error.Validation("Order.UnknownSalesRep", "no active staff user with this id", new Dictionary<string, object> { ["field"] = "sales_rep_id" });

        var items = req.Items!;
        var ids = items.Where(i => i.ProductId is > 0).Select(i => i.ProductId!.Value).Distinct().ToArray();
        var skus = items.Where(i => i.ProductId is not > 0).Select(i => i.Sku!.Trim().ToLowerInvariant()).Distinct().ToArray();
        var catalog = await db.QueryToListAsync<ProductRow>(ProductsSql, new { Ids = ids, Skus = skus }, ct);
        var byId = catalog.ToDictionary(p => p.Id);
        var bySku = catalog.GroupBy(p => p.Sku.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First());

        var errors = new List<Error>();
        var lines = new List<Line>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var p = item.ProductId is > 0 ? byId.GetValueOrDefault(item.ProductId.Value) : bySku.GetValueOrDefault(item.Sku!.Trim().ToLowerInvariant());
            if (p is null)
            {
                errors.Add(Error.Validation("Order.UnknownProduct", "no such product in the catalog",
                    new Dictionary<string, object> { ["field"] = item.ProductId is > 0 ? $"items[{i}].product_id" : $"items[{i}].sku" }));
                continue;
            }
            var bulk = item.UnitPrice is null && p.BulkPrice is not null && p.BulkQuantity is { } bq && item.Quantity >= bq;
            var price = item.UnitPrice ?? (bulk ? p.BulkPrice!.Value : p.UnitPrice);
            lines.Add(new Line(p.Id, p.Name, p.Sku, p.Brand, p.UnitSize, item.Quantity, price, p.Cost, bulk, Money.Round(price * item.Quantity)));
        }
        if (errors.Count > 0) return errors;

        var subtotal = lines.Sum(l => l.LineTotal);
        var discount = req.DiscountAmount ?? 0m;
        var fee = req.DeliveryFee ?? 0m;
        if (discount > subtotal + fee)
            return Error.Validation("Order.DiscountTooLarge", "discount_amount exceeds the order's subtotal and delivery fee",
                new Dictionary<string, object> { ["field"] = "discount_amount" });
        var total = subtotal + fee - discount;
        var method = (req.PaymentMethod?.Trim().ToLowerInvariant() is { Length: > 0 } m ? m : "net30") switch { "credit_card" => "card", var x => x };
        var recordMethod = method switch { "net30" => "other", "cod" => "cash", var x => x };
        var amountPaid = paymentStatus == "paid" ? total : 0m;
        var status = req.Status?.Trim().ToLowerInvariant() is { Length: > 0 } s ? s : "pending";
        var phone = Phones.ToE164(req.DeliveryPhone);
        var email = Clean(req.DeliveryEmail);
        var orderNumber = Clean(req.OrderNumber)?.ToUpperInvariant() ?? OrderNumbers.New();

        await using var tx = await db.BeginTransactionAsync(ct);
        long? customerId = null;
        if (req.UpsertCustomer == true)
            customerId = (await db.QueryToListAsync<long>(UpsertSql, new
            {
                Phone = phone, Email = email, FirstName = Clean(req.DeliveryFirstName), LastName = Clean(req.DeliveryLastName),
                Company = Clean(req.DeliveryCompany),
                Address = $"{req.DeliveryAddress!.Trim()}, {req.DeliveryCity!.Trim()}, {req.DeliveryState!.Trim()} {req.DeliveryZip!.Trim()}",
            }, ct)).First();

        var inserted = await db.QueryToListAsync<long>(InsertSql, new
        {
            OrderNumber = orderNumber, CustomerId = customerId, Status = status,
            DeliveryName = req.DeliveryName!.Trim(), DeliveryFirstName = Clean(req.DeliveryFirstName), DeliveryLastName = Clean(req.DeliveryLastName),
            DeliveryEmail = email, DeliveryCompany = Clean(req.DeliveryCompany), DeliveryAddress = req.DeliveryAddress!.Trim(),
            DeliveryCity = req.DeliveryCity!.Trim(), DeliveryState = req.DeliveryState!.Trim(), DeliveryZip = req.DeliveryZip!.Trim(),
            DeliveryPhone = phone, SpecialNotes = Clean(req.SpecialNotes), Subtotal = subtotal, Discount = discount, Fee = fee, Total = total,
            AmountPaid = amountPaid, PaymentMethod = method, PaymentStatus = paymentStatus, PaymentRecordMethod = recordMethod,
            StaffNotes = req.StaffNotes is null ? "Manually entered by staff" : Clean(req.StaffNotes), AssignedTo = Clean(req.AssignedTo),
            SalesRepId = salesRepId, StaffId = caller.Id, Actor = caller.Label, CreatedAt = req.CreatedAt,
        }, ct);
        if (inserted is not [var orderId])
            return Error.Conflict("Order.NumberTaken", $"order number {orderNumber} is already used",
                new Dictionary<string, object> { ["order_number"] = orderNumber });

        var tracked = lines.Where(l => catalog.First(c => c.Id == l.ProductId).StockQuantity is not null)
            .GroupBy(l => l.ProductId).Select(g => (Id: g.Key, Qty: g.Sum(l => l.Quantity))).ToList();
        if (tracked.Count > 0)
        {
            var reserved = await db.QueryToListAsync<ReserveRow>(ReserveSql, new
            {
                Ids = tracked.Select(t => t.Id).ToArray(), Qtys = tracked.Select(t => t.Qty).ToArray(),
                OrderId = orderId, OrderNumber = orderNumber, ActorKind = caller.ActorKind, ActorId = caller.Id,
            }, ct);
            var shortLines = reserved.Where(r => !r.Reserved).Select(r =>
            {
                var l = lines.First(x => x.ProductId == r.ProductId);
                return new ShortLine(l.ProductId, l.ProductSku, l.ProductName, r.Requested, r.Available ?? 0);
            }).ToList();
            if (shortLines.Count > 0)
                return Error.Conflict("Order.InsufficientStock",
                    "Not enough stock for: " + string.Join(", ", shortLines.Select(l => $"{l.ProductSku} (requested {l.Requested}, available {l.Available})")),
                    new Dictionary<string, object> { ["short_items"] = shortLines });
        }
        await db.ExecuteAsync(ItemsSql, new { OrderId = orderId, Items = JsonSerializer.Serialize(lines, SnakeJson) }, ct);
        await tx.CommitAsync(ct);
        return new Response(true, (await StaffOrder.LoadAsync(db, orderId, ct))!);
    }

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

    sealed class ReserveRow
    {
        public long ProductId { get; init; }
        public int? Available { get; init; }
        public int Requested { get; init; }
        public bool Reserved { get; init; }
    }
}
