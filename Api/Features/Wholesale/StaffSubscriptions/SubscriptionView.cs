using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.Wholesale.StaffSubscriptions;

/// <summary>
/// The document's subscription object (id, user_id, product_sku, quantity, interval_days, discount_pct, next_renewal_date,
/// status, customer_name, customer_email, customer_phone, customer_company, last_renewal) plus the product, payment and
/// delivery fields staff edit. Secrets are not involved: Stripe ids are references, not credentials.
/// </summary>
record SubscriptionView
{
    public long Id { get; init; }
    public long UserId { get; init; }
    public string ProductSku { get; init; } = "";
    public long ProductId { get; init; }
    public string ProductName { get; init; } = "";
    public int Quantity { get; init; }
    public int IntervalDays { get; init; }
    public decimal DiscountPct { get; init; }
    public DateOnly NextRenewalDate { get; init; }
    public string Status { get; init; } = "";
    public string? CustomerName { get; init; }
    public string? CustomerEmail { get; init; }
    public string? CustomerPhone { get; init; }
    public string? CustomerCompany { get; init; }
    public string PaymentType { get; init; } = "";
    public string StripeCustomerId { get; init; } = "";
    public string StripePaymentMethodId { get; init; } = "";
    public string DeliveryName { get; init; } = "";
    public string? DeliveryPhone { get; init; }
    public string DeliveryEmail { get; init; } = "";
    public string DeliveryAddress { get; init; } = "";
    public string DeliveryCity { get; init; } = "";
    public string DeliveryState { get; init; } = "";
    public string DeliveryZip { get; init; } = "";
    public string? DeliveryCompany { get; init; }
    public string? Notes { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public RenewalView? LastRenewal { get; init; }
}

/// <summary>One renewal attempt: the period (renewal_date) it pays for, its outcome, the order it created or the error.</summary>
sealed record RenewalView(long Id, long SubscriptionId, DateOnly RenewalDate, int Attempt, string Status, string Trigger, decimal? Amount,
    long? OrderId, string? OrderNumber, string? StripePaymentIntentId, string? Error, DateTimeOffset CreatedAt);

static class Subscriptions
{
    static readonly string ViewSql = Sql.Load(typeof(Subscriptions), "View.sql");
    public const int ListLimit = 1000;
    public static readonly string[] Statuses = ["active", "paused", "cancelled"];

    public static async Task<List<SubscriptionView>> ReadAsync(AppDb db, long? id, string? status, long? userId, int limit, CancellationToken ct) =>
        (await db.QueryToListAsync<Row>(ViewSql, new { Id = id, Status = status, UserId = userId, Limit = limit }, ct)).Select(r => r.ToView()).ToList();

    public static async Task<SubscriptionView?> FindAsync(AppDb db, long id, CancellationToken ct) =>
        (await ReadAsync(db, id, null, null, 1, ct)) is [var one] ? one : null;

    sealed class Row
    {
        public long Id { get; init; }
        public long UserId { get; init; }
        public string ProductSku { get; init; } = "";
        public long ProductId { get; init; }
        public string ProductName { get; init; } = "";
        public int Quantity { get; init; }
        public int IntervalDays { get; init; }
        public decimal DiscountPct { get; init; }
        public DateTime NextRenewalDate { get; init; }
        public string Status { get; init; } = "";
        public string? CustomerName { get; init; }
        public string? CustomerEmail { get; init; }
        public string? CustomerPhone { get; init; }
        public string? CustomerCompany { get; init; }
        public string PaymentType { get; init; } = "";
        public string StripeCustomerId { get; init; } = "";
        public string StripePaymentMethodId { get; init; } = "";
        public string DeliveryName { get; init; } = "";
        public string? DeliveryPhone { get; init; }
        public string DeliveryEmail { get; init; } = "";
        public string DeliveryAddress { get; init; } = "";
        public string DeliveryCity { get; init; } = "";
        public string DeliveryState { get; init; } = "";
        public string DeliveryZip { get; init; } = "";
        public string? DeliveryCompany { get; init; }
        public string? Notes { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public long? LastRenewalId { get; init; }
        public DateTime? LastRenewalPeriod { get; init; }
        public int? LastRenewalAttempt { get; init; }
        public string? LastRenewalStatus { get; init; }
        public string? LastRenewalTrigger { get; init; }
        public decimal? LastRenewalAmount { get; init; }
        public long? LastRenewalOrderId { get; init; }
        public string? LastRenewalOrderNumber { get; init; }
        public string? LastRenewalIntent { get; init; }
        public string? LastRenewalError { get; init; }
        public DateTimeOffset? LastRenewalAt { get; init; }

        public SubscriptionView ToView() => new()
        {
            Id = Id, UserId = UserId, ProductSku = ProductSku, ProductId = ProductId, ProductName = ProductName, Quantity = Quantity,
            IntervalDays = IntervalDays, DiscountPct = DiscountPct, NextRenewalDate = DateOnly.FromDateTime(NextRenewalDate), Status = Status,
            CustomerName = CustomerName, CustomerEmail = CustomerEmail, CustomerPhone = CustomerPhone, CustomerCompany = CustomerCompany,
            PaymentType = PaymentType, StripeCustomerId = StripeCustomerId, StripePaymentMethodId = StripePaymentMethodId,
            DeliveryName = DeliveryName, DeliveryPhone = DeliveryPhone, DeliveryEmail = DeliveryEmail, DeliveryAddress = DeliveryAddress,
            DeliveryCity = DeliveryCity, DeliveryState = DeliveryState, DeliveryZip = DeliveryZip, DeliveryCompany = DeliveryCompany,
            Notes = Notes, CreatedAt = CreatedAt, UpdatedAt = UpdatedAt,
            LastRenewal = LastRenewalId is { } rid
                ? new RenewalView(rid, Id, DateOnly.FromDateTime(LastRenewalPeriod!.Value), LastRenewalAttempt ?? 1, LastRenewalStatus!, LastRenewalTrigger!,
                    LastRenewalAmount, LastRenewalOrderId, LastRenewalOrderNumber, LastRenewalIntent, LastRenewalError, LastRenewalAt!.Value)
                : null,
        };
    }
}
