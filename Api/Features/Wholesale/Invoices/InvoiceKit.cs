using System.Globalization;
using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FluentValidation;
using LinqToDB.Data;

namespace Api.Features.Wholesale.Invoices;

/// <summary>
/// Shared by the invoice slices: the item shape, the server's arithmetic, the state machine and the documented JSON.
/// <list type="bullet">
/// <item>Item in: <c>description</c> (or <c>name</c>/<c>product_name</c>), optional <c>sku</c>, <c>quantity</c> &gt; 0, <c>unit_price</c> ≥ 0
/// (at most 2 decimals each). Stored with <c>line_total</c> = quantity × unit_price, half-up to cents.</item>
/// <item><c>subtotal</c> = Σ line_total; <c>tax_amount</c> = (subtotal − discount) × tax_rate / 100, half-up to cents;
/// <c>total_amount</c> = subtotal − discount + shipping_fee + tax_amount. Discount may not exceed the subtotal.</item>
/// <item>States: <c>draft → sent | paid | void</c>, <c>sent → paid | void</c> (and <c>overdue</c> by the daily task),
/// <c>overdue → paid | void | sent</c>; <c>paid</c> and <c>void</c> are final. Each move records who and when.</item>
/// </list>
/// </summary>
static class InvoiceKit
{
    public sealed record ItemIn
    {
        public string? Description { get; init; }
        public string? Name { get; init; }
        public string? ProductName { get; init; }
        public string? Sku { get; init; }
        public decimal? Quantity { get; init; }
        public decimal? UnitPrice { get; init; }
        [JsonIgnore] public string? Text => !string.IsNullOrWhiteSpace(Description) ? Description.Trim()
            : !string.IsNullOrWhiteSpace(Name) ? Name.Trim() : ProductName?.Trim();
    }

    public sealed class ItemValidator : AbstractValidator<ItemIn>
    {
        public ItemValidator()
        {
            RuleFor(i => i.Text).NotEmpty().WithName("description").WithMessage("description is required").MaximumLength(500);
            RuleFor(i => i.Sku).MaximumLength(64);
            RuleFor(i => i.Quantity).NotNull().GreaterThan(0).LessThanOrEqualTo(1_000_000).Must(Money.HasAtMostTwoDecimals)
                .WithMessage("quantity is a number above 0 with at most 2 decimals");
            RuleFor(i => i.UnitPrice).NotNull().GreaterThanOrEqualTo(0).LessThanOrEqualTo(1_000_000).Must(Money.HasAtMostTwoDecimals)
                .WithMessage("unit_price is an amount of 0 or more with at most 2 decimals");
        }
    }

    /// <summary>Money fields of create and update (all optional on update).</summary>
    public static void Amounts<T>(AbstractValidator<T> v, System.Linq.Expressions.Expression<Func<T, decimal?>> discount, System.Linq.Expressions.Expression<Func<T, decimal?>> shipping, System.Linq.Expressions.Expression<Func<T, decimal?>> taxRate)
    {
        v.RuleFor(discount).GreaterThanOrEqualTo(0).LessThanOrEqualTo(10_000_000).Must(Money.HasAtMostTwoDecimals).OverridePropertyName("discount_amount")
            .WithMessage("discount_amount is 0 or more with at most 2 decimals");
        v.RuleFor(shipping).GreaterThanOrEqualTo(0).LessThanOrEqualTo(10_000_000).Must(Money.HasAtMostTwoDecimals).OverridePropertyName("shipping_fee")
            .WithMessage("shipping_fee is 0 or more with at most 2 decimals");
        v.RuleFor(taxRate).InclusiveBetween(0, 100).Must(t => t is not { } x || decimal.Round(x, 3) == x).OverridePropertyName("tax_rate")
            .WithMessage("tax_rate is a percentage between 0 and 100 with at most 3 decimals");
    }

    public static bool IsDate(string? s) => string.IsNullOrEmpty(s) || DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    public static DateOnly? Date(string? s) => string.IsNullOrEmpty(s) ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public sealed record Item(
        [property: JsonPropertyName("description")] string Description,
        [property: JsonPropertyName("sku")] string? Sku,
        [property: JsonPropertyName("quantity")] decimal Quantity,
        [property: JsonPropertyName("unit_price")] decimal UnitPrice,
        [property: JsonPropertyName("line_total")] decimal LineTotal);

    public static List<Item> Lines(IEnumerable<ItemIn> items) =>
        items.Select(i => new Item(i.Text!, string.IsNullOrWhiteSpace(i.Sku) ? null : i.Sku.Trim(), i.Quantity!.Value, i.UnitPrice!.Value,
            Money.Round(i.Quantity!.Value * i.UnitPrice!.Value))).ToList();

    public sealed record Totals(decimal Subtotal, decimal TaxAmount, decimal Total);

    public static ErrorOr<Totals> Compute(IReadOnlyCollection<Item> items, decimal discount, decimal shipping, decimal taxRate)
    {
        var subtotal = items.Sum(i => i.LineTotal);
        if (discount > subtotal) return Invalid("discount_amount", "discount_amount may not exceed the subtotal");
        var tax = Money.Round((subtotal - discount) * taxRate / 100m);
        return new Totals(subtotal, tax, subtotal - discount + shipping + tax);
    }

    public static readonly string[] CreateStates = ["draft", "sent", "paid"];
    public static readonly string[] States = ["draft", "sent", "paid", "overdue", "void"];

    public static bool CanMove(string from, string to) => from == to || (from, to) switch
    {
        ("draft", "sent" or "paid" or "void") => true,
        ("sent", "paid" or "void") => true,
        ("overdue", "paid" or "void" or "sent") => true,
        _ => false,
    };

    /// <summary>Runs SQL whose single row, single column is a JSON document; null when no row.</summary>
    public static async Task<System.Text.Json.JsonElement?> JsonAsync(Api.Infrastructure.Database.AppDb db, string sql, object param, CancellationToken ct)
    {
        var rows = await db.QueryToListAsync<string>(sql, param, ct);
        if (rows is not [var text] || text is null) return null;
        using var doc = System.Text.Json.JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    public static Error Invalid(string field, string message) =>
        Error.Validation("VALIDATION_ERROR", message, new Dictionary<string, object> { ["field"] = field });

    /// <summary>The documented invoice object of row alias <c>i</c> (plus customer_id, order_id, issue_date and who moved the status).</summary>
    public const string Json = """
        json_build_object('id', i.id, 'invoice_number', i.invoice_number, 'status', i.status, 'customer_id', i.customer_id, 'order_id', i.order_id,
            'customer_name', i.customer_name, 'customer_company', i.customer_company, 'customer_email', i.customer_email,
            'customer_phone', i.customer_phone, 'customer_address', coalesce(i.customer_address, i.billing_address), 'customer_city', i.customer_city,
            'customer_state', i.customer_state, 'customer_zip', i.customer_zip, 'subtotal', i.subtotal, 'discount_amount', i.discount_amount,
            'shipping_fee', i.shipping_fee, 'tax_rate', i.tax_rate, 'tax_amount', i.tax_amount, 'total_amount', i.total,
            'payment_method', i.payment_method, 'payment_terms', i.payment_terms, 'issue_date', i.issue_date, 'due_date', i.due_date,
            'notes', i.notes, 'internal_notes', i.internal_notes, 'created_by', i.created_by, 'created_at', i.created_at, 'updated_at', i.updated_at,
            'sent_at', i.sent_at, 'sent_by', i.sent_by, 'paid_at', i.paid_at, 'paid_by', i.paid_by, 'voided_at', i.voided_at, 'voided_by', i.voided_by,
            'status_changed_at', i.status_changed_at, 'status_changed_by', i.status_changed_by, 'items', i.items)
        """;

    /// <summary>The live customer an invoice belongs to when no customer_id is given: same email, else same phone.</summary>
    public const string MatchCustomer = """
        (select c.id from wholesale.customers c
          where c.deleted_at is null and c.merged_into is null
            and ((@Email is not null and c.email = cast(@Email as citext)) or (@Phone is not null and c.phone = @Phone))
          order by (@Email is not null and c.email = cast(@Email as citext)) desc, (c.kind = 'account') desc, c.id limit 1)
        """;
}
