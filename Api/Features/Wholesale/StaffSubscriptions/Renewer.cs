using System.Net;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using LinqToDB.Data;
using Stripe;

namespace Api.Features.Wholesale.StaffSubscriptions;

/// <summary>
/// Renews subscriptions: charges the saved payment method off-session (Stripe.net through <see cref="WholesaleStripe"/>) and,
/// when the charge goes through, creates the order (source <c>subscription</c>), all in one transaction per attempt.
/// <list type="bullet">
/// <item>Never twice: the subscription row is locked for the attempt (<c>skip locked</c>: a second run gets nothing and moves
/// on), the period (the <c>next_renewal_date</c> being fulfilled) advances in the same transaction as the order, and a
/// unique index allows one succeeded renewal per subscription and period. Stripe gets the idempotency key
/// <c>wholesale-subscription-{id}-{period}-{attempt}</c>: a run that crashed after Stripe charged replays the same key
/// and gets the same PaymentIntent back instead of a second charge.</item>
/// <item>A decline (or a refusal before charging: product gone, not enough stock, customer erased) is a <c>failed</c>
/// renewal row with the error and no order; the next attempt of that period uses the next attempt number. Stripe
/// unreachable (or 5xx, 429, an idempotency conflict) is an <c>error</c> row that keeps the attempt number, so the retry
/// reuses the key.</item>
/// </list>
/// Prices are today's catalog prices (the bulk price from its quantity up) less <c>discount_pct</c>, plus the delivery fee
/// below the free-delivery threshold, as web orders.
/// </summary>
sealed class Renewer(AppDb db, WholesaleStripe stripe, BusinessClock clock, WholesaleOptions options, ILogger log)
{
    static readonly string LockSql = Sql.Load(typeof(Renewer), "RenewLock.sql");
    static readonly string OrderSql = Sql.Load(typeof(Renewer), "RenewOrder.sql");
    static readonly string ReserveSql = Sql.Load(typeof(Renewer), "RenewReserve.sql");
    static readonly string ItemSql = Sql.Load(typeof(Renewer), "RenewItem.sql");
    static readonly string PaidSql = Sql.Load(typeof(Renewer), "RenewPaid.sql");
    static readonly string FailedSql = Sql.Load(typeof(Renewer), "RenewFailed.sql");
    static readonly string DueSql = Sql.Load(typeof(Renewer), "Due.sql");

    /// <summary>Who renews: staff (renew-now, trigger manual), an API key (process-renewals, api) or the schedule (system).</summary>
    public sealed record Actor(string Kind, long? Id, string Trigger)
    {
        public string Label => Id is { } id ? $"{Kind}:{id}" : Kind;
    }

    /// <summary>succeeded | failed | error | skipped (with <see cref="Code"/>: busy, not_due, not_active, not_found, recently_renewed).</summary>
    public sealed record Outcome(long SubscriptionId, string Status, string? Code, RenewalView? Renewal, OrderSummary? Order, string? Error,
        DateOnly? NextRenewalDate);

    public sealed record OrderSummary(long Id, string OrderNumber, decimal TotalAmount, string PaymentStatus, string Status);

    public bool Configured => stripe.Client is not null;

    /// <summary>The ids of due subscriptions (see Due.sql), at most <paramref name="limit"/>.</summary>
    public Task<List<long>> DueAsync(int limit, CancellationToken ct) =>
        db.QueryToListAsync<long>(DueSql, new { Today = clock.Today.ToDateTime(TimeOnly.MinValue), Limit = limit }, ct);

    /// <param name="dueOnly">The runs: only when due. renew-now (false) renews the upcoming period at once.</param>
    public async Task<Outcome> RenewAsync(long id, Actor actor, bool dueOnly, CancellationToken ct)
    {
        var client = stripe.Client ?? throw new InvalidOperationException("Stripe is not configured");
        var today = clock.Today;
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await db.QueryToListAsync<Locked>(LockSql, new { Id = id }, ct) is not [var s])
        {
            await tx.RollbackAsync(ct);
            var exists = await db.ExecuteAsync<bool>("select exists (select from wholesale.subscriptions where id = @id)", new { id }, ct);
            return Skip(id, exists ? "busy" : "not_found", exists ? "a renewal of this subscription is already running" : "no such subscription");
        }
        if (s.Status != "active") return Skip(id, "not_active", $"the subscription is {s.Status}");
        var period = DateOnly.FromDateTime(s.NextRenewalDate);
        if (dueOnly && period > today) return Skip(id, "not_due", $"next renewal is {period:yyyy-MM-dd}");
        if (dueOnly && s.RecentFailure) return Skip(id, "not_due", "an attempt failed in the last 20 hours; the next run retries");
        if (!dueOnly && s.LastPaidAt is { } last && last > DateTimeOffset.UtcNow.AddHours(-1))
            return Skip(id, "recently_renewed", "the subscription was renewed less than an hour ago");

        var attempt = s.FailedAttempts + 1;
        var key = $"wholesale-subscription-{s.Id}-{period:yyyy-MM-dd}-{attempt}";
        var bulk = s.BulkPrice is not null && s.BulkQuantity is { } bq && s.Quantity >= bq;
        var price = bulk ? s.BulkPrice!.Value : s.UnitPrice;
        var gross = Money.Round(price * s.Quantity);
        var discount = Money.Round(gross * s.DiscountPct / 100m);
        var net = gross - discount;
        var fee = net >= options.FreeDeliveryFrom ? 0m : options.DeliveryFee;
        var total = net + fee;
        var common = new Attempt(s, period, attempt, key, total, actor);

        await db.ExecuteAsync("savepoint renewal", ct);
        if (!s.CustomerLive) return await FailAsync(common, "failed", "the customer account was deleted or merged", null, tx, ct);
        if (!s.ProductLive) return await FailAsync(common, "failed", $"{s.Sku} is no longer sold", null, tx, ct);
        if (s.StockQuantity is null && !s.InStock) return await FailAsync(common, "failed", $"{s.Sku} is out of stock", null, tx, ct);
        if (StripeCents(total) < 50) return await FailAsync(common, "failed", "the amount is below Stripe's minimum charge", null, tx, ct);

        var orderNumber = OrderNumbers.New();
        var orderId = (await db.QueryToListAsync<long>(OrderSql, new
        {
            OrderNumber = orderNumber, s.CustomerId, s.DeliveryName, s.DeliveryEmail, s.DeliveryCompany, s.DeliveryAddress, s.DeliveryCity,
            s.DeliveryState, s.DeliveryZip, s.DeliveryPhone, Notes = $"Subscription #{s.Id} renewal for {period:yyyy-MM-dd}",
            Subtotal = gross, Discount = discount, DeliveryFee = fee, Total = total, PaymentMethod = s.PaymentType,
            ActorLabel = actor.Label, ActorKind = actor.Kind, ActorId = actor.Id, Reason = $"subscription #{s.Id} renewal ({actor.Trigger})",
        }, ct)).Single();
        if (s.StockQuantity is not null)
        {
            var reserved = await db.QueryToListAsync<ReserveRow>(ReserveSql, new
            {
                s.ProductId, s.Quantity, OrderId = orderId, OrderNumber = orderNumber, ActorKind = actor.Kind, ActorId = actor.Id,
            }, ct);
            if (reserved is not [{ Reserved: true }])
                return await FailAsync(common, "failed",
                    $"not enough stock of {s.Sku} (requested {s.Quantity}, available {(reserved is [var r] ? r.Available ?? 0 : 0)})", null, tx, ct);
        }
        await db.ExecuteAsync(ItemSql, new
        {
            OrderId = orderId, s.ProductId, s.Name, s.Sku, s.Brand, s.UnitSize, s.Quantity, UnitPrice = price, s.Cost, IsBulk = bulk, LineTotal = gross,
        }, ct);

        PaymentIntent intent;
        try
        {
            intent = await new PaymentIntentService(client).CreateAsync(new PaymentIntentCreateOptions
            {
                Amount = StripeCents(total), Currency = stripe.Currency, Customer = s.StripeCustomerId, PaymentMethod = s.StripePaymentMethodId,
                AllowedPaymentMethodTypes = [s.PaymentType == "ach" ? "us_bank_account" : "card"], OffSession = true, Confirm = true,
                Description = $"LLD subscription #{s.Id} renewal {period:yyyy-MM-dd}",
                Metadata = new()
                {
                    ["order_number"] = orderNumber, ["subscription_id"] = s.Id.ToString(), ["renewal_period"] = period.ToString("yyyy-MM-dd"),
                    ["source"] = "subscription",
                },
            }, new RequestOptions { IdempotencyKey = key }, ct);
        }
        catch (StripeException e) when (Retryable(e))
        {
            log.LogWarning("Subscription {Id} renewal could not reach Stripe: {Error}", s.Id, e.StripeError?.Message ?? e.Message);
            return await FailAsync(common, "error", "the payment processor could not be reached: " + (e.StripeError?.Message ?? e.Message),
                e.StripeError?.PaymentIntent?.Id, tx, ct);
        }
        catch (StripeException e)
        {
            var why = e.StripeError?.Message ?? e.Message;
            var code = e.StripeError?.DeclineCode ?? e.StripeError?.Code;
            return await FailAsync(common, "failed", code is null ? why : $"{why} ({code})", e.StripeError?.PaymentIntent?.Id, tx, ct);
        }
        catch (HttpRequestException e)
        {
            return await FailAsync(common, "error", "the payment processor could not be reached: " + e.Message, null, tx, ct);
        }

        var paid = intent.Status == "succeeded";
        if (!paid && intent.Status != "processing")
            return await FailAsync(common, "failed", $"the payment was not completed (status {intent.Status})", intent.Id, tx, ct);
        if (intent.Metadata is { } meta && meta.TryGetValue("order_number", out var held) && held != orderNumber)
            orderNumber = held;   // a replayed attempt: Stripe's PaymentIntent names the number of the order that was rolled back

        var next = dueOnly ? period.AddDays(s.IntervalDays) : today.AddDays(s.IntervalDays);
        if (next <= today) next = today.AddDays(s.IntervalDays);
        var row = (await db.QueryToListAsync<Inserted>(PaidSql, new
        {
            OrderId = orderId, s.CustomerId, Method = s.PaymentType, Total = total, Intent = intent.Id, Key = key, ActorLabel = actor.Label,
            Paid = paid, OrderNumber = orderNumber, Reason = $"subscription renewal charged off-session ({intent.Id}, {total:0.00})",
            Next = next.ToDateTime(TimeOnly.MinValue), SubscriptionId = s.Id, Period = period.ToDateTime(TimeOnly.MinValue), Attempt = attempt,
            actor.Trigger, ActorKind = actor.Kind, ActorId = actor.Id,
        }, ct)).Single();
        await tx.CommitAsync(ct);
        var payStatus = paid ? "paid" : "pending";
        return new Outcome(s.Id, "succeeded", null,
            new RenewalView(row.Id, s.Id, period, attempt, "succeeded", actor.Trigger, total, orderId, orderNumber, intent.Id, null, row.CreatedAt),
            new OrderSummary(orderId, orderNumber, total, payStatus, "pending"), null, next);
    }

    static Outcome Skip(long id, string code, string why) => new(id, "skipped", code, null, null, why, null);

    /// <summary>Undoes the attempt's order (back to the savepoint, the lock kept) and records the attempt without one.</summary>
    async Task<Outcome> FailAsync(Attempt a, string status, string error, string? intentId, LinqToDB.Data.DataConnectionTransaction tx, CancellationToken ct)
    {
        await db.ExecuteAsync("rollback to savepoint renewal", ct);
        var row = (await db.QueryToListAsync<Inserted>(FailedSql, new
        {
            SubscriptionId = a.S.Id, Period = a.Period.ToDateTime(TimeOnly.MinValue), Attempt = a.Number, Status = status, a.Actor.Trigger,
            Total = a.Total, Key = a.Key, Intent = intentId, Error = error.Length > 1000 ? error[..1000] : error,
            ActorKind = a.Actor.Kind, ActorId = a.Actor.Id,
        }, ct)).Single();
        await tx.CommitAsync(ct);
        log.LogInformation("Subscription {Id} renewal for {Period} {Status}: {Error}", a.S.Id, a.Period, status, error);
        return new Outcome(a.S.Id, status, status == "error" ? "stripe_unavailable" : "declined",
            new RenewalView(row.Id, a.S.Id, a.Period, a.Number, status, a.Actor.Trigger, a.Total, null, null, intentId, error, row.CreatedAt),
            null, error, DateOnly.FromDateTime(a.S.NextRenewalDate));
    }

    /// <summary>Nothing (knowingly) charged and the same key must be used again: Stripe down, overloaded, or a key conflict.</summary>
    static bool Retryable(StripeException e) =>
        e.StripeError?.Type is "api_error" or "idempotency_error" or "api_connection_error"
        || (int)e.HttpStatusCode >= 500 || e.HttpStatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.Conflict || (int)e.HttpStatusCode == 0;

    static long StripeCents(decimal amount) => (long)decimal.Round(amount * 100m, 0);

    sealed record Attempt(Locked S, DateOnly Period, int Number, string Key, decimal Total, Actor Actor);

    sealed class Inserted { public long Id { get; init; } public DateTimeOffset CreatedAt { get; init; } }
    sealed class ReserveRow { public int? Available { get; init; } public bool Reserved { get; init; } }

    internal sealed class Locked
    {
        public long Id { get; init; }
        public long CustomerId { get; init; }
        public long ProductId { get; init; }
        public int Quantity { get; init; }
        public int IntervalDays { get; init; }
        public decimal DiscountPct { get; init; }
        public string Status { get; init; } = "";
        public DateTime NextRenewalDate { get; init; }
        public string StripeCustomerId { get; init; } = "";
        public string StripePaymentMethodId { get; init; } = "";
        public string PaymentType { get; init; } = "";
        public string DeliveryName { get; init; } = "";
        public string? DeliveryPhone { get; init; }
        public string DeliveryEmail { get; init; } = "";
        public string DeliveryAddress { get; init; } = "";
        public string DeliveryCity { get; init; } = "";
        public string DeliveryState { get; init; } = "";
        public string DeliveryZip { get; init; } = "";
        public string? DeliveryCompany { get; init; }
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
        public bool ProductLive { get; init; }
        public bool CustomerLive { get; init; }
        public int FailedAttempts { get; init; }
        public DateTimeOffset? LastPaidAt { get; init; }
        public bool RecentFailure { get; init; }
    }
}
