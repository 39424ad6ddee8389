using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffSubscriptions.UpdateSubscription;

sealed class Handler(AppDb db, BusinessClock clock) : IRequestHandler<Request, ErrorOr<SubscriptionView>>
{
    static readonly string UpdateSql = Sql.Load<Handler>("Update.sql");

    public async ValueTask<ErrorOr<SubscriptionView>> Handle(Request req, CancellationToken ct)
    {
        if (req.NextRenewalDate is { } next && next < clock.Today)
            return Error.Validation("Subscriptions.Invalid", $"Must be today ({clock.Today:yyyy-MM-dd}) or later",
                new Dictionary<string, object> { ["field"] = "next_renewal_date" });
        await using var tx = await db.BeginTransactionAsync(ct);
        var rows = await db.QueryToListAsync<Row>(UpdateSql, new
        {
            req.SubId, req.IntervalDays, req.Quantity, req.DiscountPct, req.Notes,
            NextRenewalDate = req.NextRenewalDate?.ToDateTime(TimeOnly.MinValue),
            DeliveryName = req.DeliveryName?.Trim(), DeliveryAddress = req.DeliveryAddress?.Trim(), DeliveryCity = req.DeliveryCity?.Trim(),
            DeliveryState = req.DeliveryState?.Trim(), DeliveryZip = req.DeliveryZip?.Trim(),
        }, ct);
        if (rows is not [var row]) return Error.NotFound("Subscriptions.NotFound", "Subscription not found");
        if (!row.Updated) return Error.Conflict("Subscriptions.Cancelled", "A cancelled subscription cannot be changed");
        await tx.CommitAsync(ct);
        return (await Subscriptions.FindAsync(db, req.SubId, ct))!;
    }

    sealed class Row { public string Status { get; init; } = ""; public bool Updated { get; init; } }
}
