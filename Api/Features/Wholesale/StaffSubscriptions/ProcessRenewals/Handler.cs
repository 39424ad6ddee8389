using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;
using Microsoft.Extensions.Options;

namespace Api.Features.Wholesale.StaffSubscriptions.ProcessRenewals;

/// <summary>One batch of due renewals (<see cref="Renewer"/>); runs in parallel with the daily task or another call never charge twice.</summary>
sealed class Handler(AppDb db, WholesaleStripe stripe, BusinessClock clock, IOptions<WholesaleOptions> options, ILogger<Renewer> log)
    : IRequestHandler<Request, ErrorOr<Response>>
{
    public const int Batch = 200;

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var renewer = new Renewer(db, stripe, clock, options.Value, log);
        if (!renewer.Configured)
            return Error.Custom(503, "Subscriptions.StripeNotConfigured", "Renewals need Stripe; it is not configured (Wholesale:Stripe:SecretKey)");
        var results = new List<Result>();
        foreach (var id in await renewer.DueAsync(Batch, ct))
        {
            var o = await renewer.RenewAsync(id, new Renewer.Actor("api_key", req.KeyId, "api"), dueOnly: true, ct);
            if (o.Code is "not_due" or "not_active" or "not_found") continue;   // another run renewed, paused or removed it meanwhile
            results.Add(new Result(o.SubscriptionId, o.Status, o.Order, o.Status == "succeeded" ? null : o.Error));
        }
        var remaining = (await renewer.DueAsync(Batch + 1, ct)).Count;
        return new Response(results.Count(r => r.Status != "skipped"), results, remaining);
    }
}
