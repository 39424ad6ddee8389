using System.Text.Json;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Microsoft.Extensions.Options;

namespace Api.Features.Wholesale.Voice.PlaceOrder;

/// <summary>
/// The core's ordering rules for a phone caller: catalog prices (bulk from <c>bulk_quantity</c>), the delivery fee below the
/// free-delivery threshold, stock reserved in product-id order (409 naming short lines), net-30 only within an approved
/// account's credit (otherwise the order waits for review, as the core does). A registered caller is found by phone; anyone else
/// is a guest and gives the delivery fields. <c>confirmed: false</c> answers the priced preview and writes nothing. The same phone
/// and items within 10 minutes answers the first order (unless it was cancelled) (an advisory lock on phone+items serialises concurrent repeats).
/// </summary>
sealed class Handler(AppDb db, IOptions<WholesaleOptions> options) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    static readonly string InsertSql = Sql.Load<Handler>("InsertOrder.sql");
    static readonly string ReserveSql = Sql.Load<Handler>("Reserve.sql");
    static readonly string ItemsSql = Sql.Load<Handler>("InsertItems.sql");
    const string ProductCols = """
        id as "Id", sku as "Sku", name as "Name", brand as "Brand", unit_size as "UnitSize", unit_price as "UnitPrice", bulk_price as "BulkPrice",
        bulk_quantity as "BulkQuantity", cost as "Cost", stock_quantity as "StockQuantity", in_stock as "InStock"
        """;

    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct)
    {
        var phoneOr = VoiceKit.Phone(req.Phone, req.PhoneNumber);
        if (phoneOr.IsError) return phoneOr.Errors;
        var phone = phoneOr.Value!;

        // resolve each line to one live product
        var wanted = new List<(ProductRow P, int Qty)>();
        for (var i = 0; i < req.Items!.Count; i++)
        {
            var item = req.Items[i];
            ProductRow? found;
            if (!string.IsNullOrWhiteSpace(item.Sku))
            {
                found = (await db.QueryToListAsync<ProductRow>($"select {ProductCols} from wholesale.products where lower(sku) = @Sku and deleted_at is null and is_active",
                    new { Sku = item.Sku.Trim().ToLowerInvariant() }, ct)).FirstOrDefault();
                if (found is null) return VoiceKit.Invalid($"items[{i}].sku", $"There is no product with SKU {item.Sku.Trim()}.");
            }
            else
            {
                var name = (item.Name ?? item.ProductName)!.Trim().ToLowerInvariant();
                var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => "%" + w.Replace("%", "").Replace("_", "").Replace("\\", "") + "%").ToArray();
                var matches = await db.QueryToListAsync<ProductRow>($"""
                    select {ProductCols} from wholesale.products
                     where deleted_at is null and is_active and (lower(name) = @Name or search_text like all (@Words))
                     order by (lower(name) = @Name) desc, name, id limit 6
                    """, new { Name = name, Words = words }, ct);
                if (matches.Count == 0) return VoiceKit.Invalid($"items[{i}].name", $"I couldn't find a product called {item.Name ?? item.ProductName}.");
                if (matches.Count > 1 && matches[0].Name.ToLowerInvariant() != name)
                    return Error.Conflict("Product.Ambiguous", $"\"{item.Name ?? item.ProductName}\" matches several products; which one did you mean?",
                        new Dictionary<string, object> { ["item"] = i, ["candidates"] = matches.Select(m => new { sku = m.Sku, name = m.Name, unit_price = m.UnitPrice }).ToList() });
                found = matches[0];
            }
            var at = wanted.FindIndex(w => w.P.Id == found.Id);
            if (at >= 0) wanted[at] = (found, wanted[at].Qty + item.Quantity); else wanted.Add((found, item.Quantity));
        }
        if (wanted.Any(w => w.Qty > Request.MaxQuantity)) return VoiceKit.Invalid("items", $"at most {Request.MaxQuantity} of one product");

        var lines = wanted.Select(w =>
        {
            var bulk = w.P.BulkPrice is not null && w.P.BulkQuantity is { } bq && w.Qty >= bq;
            var price = bulk ? w.P.BulkPrice!.Value : w.P.UnitPrice;
            return new Line(w.P.Id, w.P.Name, w.P.Sku, w.P.Brand, w.P.UnitSize, w.Qty, price, w.P.Cost, bulk, Money.Round(price * w.Qty));
        }).ToList();
        var subtotal = lines.Sum(l => l.LineTotal);
        var fee = subtotal >= options.Value.FreeDeliveryFrom ? 0m : options.Value.DeliveryFee;
        var total = subtotal + fee;

        var customer = (await db.QueryToListAsync<CustomerRow>("""
            select c.id as "Id", nullif(trim(concat_ws(' ', c.first_name, c.last_name)), '') as "Name", c.company_name as "Company",
                   c.email::text as "Email", c.shipping_address as "Address", c.account_approved as "Approved", c.payment_terms as "Terms",
                   c.credit_limit as "CreditLimit"
              from wholesale.customers c
             where c.phone = @Phone and c.deleted_at is null and c.merged_into is null and c.kind in ('account', 'imported')
             order by (c.kind = 'account') desc, c.id limit 1
            """, new { Phone = phone }, ct)).FirstOrDefault();
        if (customer is null)
        {
            var missing = new List<Error>();
            foreach (var (field, value) in new[] { ("delivery_name", req.DeliveryName), ("delivery_company", req.DeliveryCompany), ("delivery_address", req.DeliveryAddress),
                         ("delivery_city", req.DeliveryCity), ("delivery_state", req.DeliveryState), ("delivery_zip", req.DeliveryZip) })
                if (string.IsNullOrWhiteSpace(value)) missing.Add(VoiceKit.Invalid(field, $"{field} is required for a guest caller"));
            if (missing.Count > 0) return missing;
        }
        var method = (req.PaymentMethod?.Trim().ToLowerInvariant()) switch
        {
            "credit_card" or "card" => "card", "check" => "check", "net30" => "net30",
            _ => customer is { Approved: true, Terms: "net30" } ? "net30" : "card",
        };
        var lineViews = lines.Select(l => new { sku = l.ProductSku, name = l.ProductName, quantity = l.Quantity, unit_price = l.UnitPrice, line_total = l.LineTotal, is_bulk_price = l.IsBulkPrice }).ToList();
        var customerType = customer is null ? "guest" : "registered";

        if (req.Confirmed != true)
        {
            var shortNow = wanted.Where(w => w.P.StockQuantity is { } s ? s < w.Qty : !w.P.InStock).Select(w => w.P.Name).ToList();
            return VoiceKit.ToJson(new
            {
                success = true, confirmed = false, order_number = (string?)null, total, subtotal, delivery_fee = fee, items_placed = lineViews,
                customer_type = customerType, payment_method = method, payment_required = method != "net30",
                out_of_stock = shortNow,
                message = $"That comes to {total:0.00} dollars{(fee > 0 ? $", including a {fee:0.00} dollar delivery fee" : "")}. Shall I place the order?"
                    + (shortNow.Count > 0 ? $" Note: {string.Join(", ", shortNow)} may be short on stock." : ""),
            });
        }

        var itemsKey = string.Join(",", wanted.OrderBy(w => w.P.Id).Select(w => $"{w.P.Id}x{w.Qty}"));
        await using var tx = await db.BeginTransactionAsync(ct);
        await db.ExecuteAsync("select pg_advisory_xact_lock(hashtextextended(@K, 16))", new { K = phone + "|" + itemsKey }, ct);
        var previous = (await db.QueryToListAsync<PreviousRow>("""
            select o.order_number as "OrderNumber", o.total_amount as "Total", o.subtotal as "Subtotal", o.payment_method as "Method", o.needs_review as "NeedsReview"
              from wholesale.voice_order_requests r join wholesale.orders o on o.id = r.order_id
             where r.phone = @Phone and r.items_key = @Key and r.created_at > now() - interval '10 minutes'
               and o.status <> 'cancelled' and o.deleted_at is null   -- a cancelled order is not the one a repeat means
             order by r.created_at limit 1
            """, new { Phone = phone, Key = itemsKey }, ct)).FirstOrDefault();
        if (previous is not null)
            return VoiceKit.ToJson(new
            {
                success = true, confirmed = true, duplicate = true, order_number = previous.OrderNumber, total = previous.Total, subtotal = previous.Subtotal,
                items_placed = lineViews, customer_type = customerType, payment_required = previous.Method != "net30" || previous.NeedsReview,
                message = $"That order was already placed a moment ago as {Speak(previous.OrderNumber)}.",
            });

        string? reviewReason = null;
        if (method == "net30")
        {
            if (customer is null) reviewReason = "net30 requested by a guest caller; net-30 terms need an approved account";
            else
            {
                var unpaid = (await db.QueryToListAsync<decimal>("""
                    select coalesce(sum(o.total_amount - o.amount_paid), 0) from wholesale.customers c
                      left join wholesale.orders o on o.customer_id = c.id and o.payment_method = 'net30' and o.status <> 'cancelled'
                           and o.deleted_at is null and o.payment_status not in ('paid', 'refunded')
                     where c.id = @Id group by c.id
                    """, new { customer.Id }, ct)).FirstOrDefault();
                await db.ExecuteAsync("select 1 from wholesale.customers where id = @Id for no key update", new { customer.Id }, ct);
                if (!customer.Approved || customer.Terms != "net30") reviewReason = "net30 requested but the account is not approved for net-30 terms";
                else if (customer.CreditLimit - unpaid < total)
                    reviewReason = $"net30 order of {total:0.00} exceeds available credit {Math.Max(0, customer.CreditLimit - unpaid):0.00}";
            }
        }

        var orderNumber = OrderNumbers.New();
        var inserted = (await db.QueryToListAsync<InsertedRow>(InsertSql, new
        {
            OrderNumber = orderNumber, CustomerId = customer?.Id,
            DeliveryName = Clean(req.DeliveryName) ?? customer?.Name ?? customer?.Company ?? "Phone customer",
            DeliveryFirstName = (string?)null, DeliveryLastName = (string?)null, DeliveryEmail = customer?.Email,
            DeliveryCompany = Clean(req.DeliveryCompany) ?? customer?.Company, DeliveryAddress = Clean(req.DeliveryAddress) ?? customer?.Address,
            DeliveryCity = Clean(req.DeliveryCity), DeliveryState = Clean(req.DeliveryState), DeliveryZip = Clean(req.DeliveryZip),
            DeliveryPhone = phone, SpecialNotes = Clean(req.SpecialNotes), BillingAddress = (string?)null,
            Subtotal = subtotal, DeliveryFee = fee, Total = total, PaymentMethod = method,
            NeedsReview = reviewReason is not null, ReviewReason = reviewReason,
            ActorLabel = "voice", ActorKind = "api_key", ActorId = (long?)null, CreatedReason = "voice order (" + customerType + ")",
        }, ct)).Single();

        var tracked = lines.Where(l => wanted.First(w => w.P.Id == l.ProductId).P.StockQuantity is not null).ToList();
        var untrackedOut = wanted.Where(w => w.P.StockQuantity is null && !w.P.InStock).Select(w => w.P.Name).ToList();
        if (untrackedOut.Count > 0) return Error.Conflict("Order.InsufficientStock", $"Sorry, {string.Join(", ", untrackedOut)} is out of stock.");
        if (tracked.Count > 0)
        {
            var reserved = await db.QueryToListAsync<ReserveRow>(ReserveSql, new
            {
                Ids = tracked.Select(l => l.ProductId).ToArray(), Qtys = tracked.Select(l => l.Quantity).ToArray(),
                OrderId = inserted.Id, OrderNumber = orderNumber, ActorKind = "api_key", ActorId = (long?)null,
            }, ct);
            var shortLines = reserved.Where(r => !r.Reserved).Select(r => new { sku = lines.First(l => l.ProductId == r.ProductId).ProductSku,
                name = lines.First(l => l.ProductId == r.ProductId).ProductName, requested = r.Requested, available = r.Available ?? 0 }).ToList();
            if (shortLines.Count > 0)
                return Error.Conflict("Order.InsufficientStock",
                    "Sorry, we don't have enough " + string.Join(", ", shortLines.Select(s => $"{s.name} (only {s.available} left)")) + ".",
                    new Dictionary<string, object> { ["short_items"] = shortLines });
        }
        await db.ExecuteAsync(ItemsSql, new { OrderId = inserted.Id, Items = JsonSerializer.Serialize(lines, VoiceKit.SnakeJson) }, ct);
        await db.ExecuteAsync("insert into wholesale.voice_order_requests (phone, items_key, order_id) values (@Phone, @Key, @OrderId)",
            new { Phone = phone, Key = itemsKey, OrderId = inserted.Id }, ct);
        await tx.CommitAsync(ct);

        var paymentRequired = method != "net30" || reviewReason is not null;
        return VoiceKit.ToJson(new
        {
            success = true, confirmed = true, order_number = orderNumber, total, subtotal, delivery_fee = fee, items_placed = lineViews,
            customer_type = customerType, payment_method = method, payment_required = paymentRequired, needs_review = reviewReason is not null,
            message = $"Your order {Speak(orderNumber)} is placed. The total is {total:0.00} dollars."
                + (reviewReason is not null ? " Our team will confirm the payment terms." : method == "net30" ? " It goes on your Net 30 terms." : " I can text you a payment link."),
        });
    }

    static string Speak(string orderNumber) => string.Join(" ", orderNumber.ToCharArray()).Replace(" - ", ", ");
    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

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
    }

    sealed class CustomerRow
    {
        public long Id { get; init; }
        public string? Name { get; init; }
        public string? Company { get; init; }
        public string? Email { get; init; }
        public string? Address { get; init; }
        public bool Approved { get; init; }
        public string Terms { get; init; } = "";
        public decimal CreditLimit { get; init; }
    }

    sealed class PreviousRow { public string OrderNumber { get; init; } = ""; public decimal Total { get; init; } public decimal Subtotal { get; init; } public string Method { get; init; } = ""; public bool NeedsReview { get; init; } }
    sealed class InsertedRow { public long Id { get; init; } public DateTimeOffset CreatedAt { get; init; } }
    sealed class ReserveRow { public long ProductId { get; init; } public int? Available { get; init; } public int Requested { get; init; } public bool Reserved { get; init; } }
}
