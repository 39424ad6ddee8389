using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffSubscriptions.GetSubscription;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string HistorySql = Sql.Load<Handler>("History.sql");
    static readonly string OrdersSql = Sql.Load<Handler>("Orders.sql");
    static readonly string LinesSql = Sql.Load<Handler>("ProductLines.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (await Subscriptions.FindAsync(db, req.SubId, ct) is not { } sub)
            return Error.NotFound("Subscriptions.NotFound", "Subscription not found");
        var renewals = (await db.QueryToListAsync<RenewalRow>(HistorySql, new { req.SubId }, ct))
            .Select(r => new RenewalView(r.Id, r.SubscriptionId, DateOnly.FromDateTime(r.Period), r.Attempt, r.Status, r.Trigger, r.Amount, r.OrderId,
                r.OrderNumber, r.Intent, r.Error, r.CreatedAt)).ToList();
        var orders = await db.QueryToListAsync<OrderLine>(OrdersSql, new { sub.UserId }, ct);
        var lines = await db.QueryToListAsync<ProductLine>(LinesSql, new { sub.UserId, sub.ProductId }, ct);
        return new Response(sub) { Renewals = renewals, OrderHistory = orders, ProductHistory = lines };
    }

    sealed class RenewalRow
    {
        public long Id { get; init; }
        public long SubscriptionId { get; init; }
        public DateTime Period { get; init; }
        public int Attempt { get; init; }
        public string Status { get; init; } = "";
        public string Trigger { get; init; } = "";
        public decimal? Amount { get; init; }
        public long? OrderId { get; init; }
        public string? OrderNumber { get; init; }
        public string? Intent { get; init; }
        public string? Error { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }
}
