using System.Net;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using LinqToDB.Data;
using Mediator;
using Stripe;

namespace Api.Features.Wholesale.Payments.ExpireLinks;

/// <summary>Deactivates (through Stripe) the payment links whose <c>expires_at</c> has passed; returns how many.</summary>
public sealed record Command : ICommand<int>;

/// <summary>
/// Stripe Payment Links never expire by themselves. Every open link (not deactivated, not completed) past its
/// <c>expires_at</c> is set <c>active = false</c> at Stripe, then marked <c>deactivated_at</c>; a link Stripe no longer knows
/// is marked too. A Stripe failure leaves the row for the next run. Without Stripe configured there is nothing to do.
/// </summary>
sealed class Handler(AppDb db, WholesaleStripe stripe, ILogger<Handler> log) : ICommandHandler<Command, int>
{
    static readonly string DueSql = Sql.Load<Handler>("DueLinks.sql");

    public async ValueTask<int> Handle(Command cmd, CancellationToken ct)
    {
        if (stripe.Client is not { } client) return 0;
        var due = await db.QueryToListAsync<string>(DueSql, ct);
        var done = 0;
        foreach (var id in due)
        {
            try { await new PaymentLinkService(client).UpdateAsync(id, new PaymentLinkUpdateOptions { Active = false }, cancellationToken: ct); }
            catch (StripeException e) when (e.HttpStatusCode == HttpStatusCode.NotFound) { }
            catch (StripeException e)
            {
                log.LogWarning("Could not deactivate payment link {Link}: {Error}", id, e.StripeError?.Message ?? e.Message);
                continue;
            }
            await db.ExecuteAsync("update wholesale.payment_links set deactivated_at = now() where stripe_link_id = @id and deactivated_at is null", new { id }, ct);
            done++;
        }
        if (done > 0) log.LogInformation("Deactivated {Count} expired payment links", done);
        return done;
    }
}
