using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffSubscriptions.ListSubscriptions;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<List<SubscriptionView>>>
{
    public async ValueTask<ErrorOr<List<SubscriptionView>>> Handle(Request req, CancellationToken ct) =>
        await Subscriptions.ReadAsync(db, null, string.IsNullOrWhiteSpace(req.Status) ? null : req.Status.Trim().ToLowerInvariant(), req.UserId,
            Subscriptions.ListLimit, ct);
}
