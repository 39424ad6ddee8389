using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using Mediator;
using Microsoft.Extensions.Options;

namespace Api.Features.Wholesale.StaffSubscriptions.DailyRenewals;

/// <summary>The daily run (Coravel <c>WholesaleSubscriptionRenewals</c>): every due subscription, in batches; returns how many were charged.</summary>
public sealed record Command : ICommand<int>;

sealed class Handler(AppDb db, WholesaleStripe stripe, BusinessClock clock, IOptions<WholesaleOptions> options, ILogger<Renewer> log)
    : ICommandHandler<Command, int>
{
    public async ValueTask<int> Handle(Command cmd, CancellationToken ct)
    {
        var renewer = new Renewer(db, stripe, clock, options.Value, log);
        if (!renewer.Configured)
        {
            log.LogInformation("Subscription renewals skipped: Stripe is not configured (Wholesale:Stripe:SecretKey)");
            return 0;
        }
        int charged = 0, failed = 0;
        var seen = new HashSet<long>();
        while (true)
        {
            var due = (await renewer.DueAsync(200, ct)).Where(seen.Add).ToList();
            if (due.Count == 0) break;
            foreach (var id in due)
            {
                var o = await renewer.RenewAsync(id, new Renewer.Actor("system", null, "schedule"), dueOnly: true, ct);
                if (o.Status == "succeeded") charged++;
                else if (o.Status is "failed" or "error") failed++;
            }
        }
        log.LogInformation("Subscription renewals: {Charged} charged, {Failed} not charged", charged, failed);
        return charged;
    }
}
