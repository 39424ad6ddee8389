using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;
using Microsoft.Extensions.Options;

namespace Api.Features.Wholesale.StaffSubscriptions.RenewNow;

/// <summary>Renews the upcoming period at once; the next renewal becomes today + interval_days. See <see cref="Renewer"/>.</summary>
sealed class Handler(AppDb db, WholesaleStripe stripe, BusinessClock clock, IOptions<WholesaleOptions> options, ILogger<Renewer> log)
    : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var renewer = new Renewer(db, stripe, clock, options.Value, log);
        if (!renewer.Configured)
            return Error.Custom(503, "Subscriptions.StripeNotConfigured", "Renewals need Stripe; it is not configured (Wholesale:Stripe:SecretKey)");
        var o = await renewer.RenewAsync(req.SubId, new Renewer.Actor("staff", req.StaffId, "manual"), dueOnly: false, ct);
        return o switch
        {
            { Status: "succeeded" } => new Response(true, o.Renewal!, o.NextRenewalDate!.Value, o.Order!),
            { Code: "not_found" } => Error.NotFound("Subscriptions.NotFound", "Subscription not found"),
            { Code: "not_active" } => Error.Conflict("Subscriptions.NotActive", $"Only an active subscription can be renewed; {o.Error}"),
            { Code: "busy" } => Error.Conflict("Subscriptions.RenewalRunning", "A renewal of this subscription is already running"),
            { Code: "recently_renewed" } => Error.Conflict("Subscriptions.RecentlyRenewed", "This subscription was renewed less than an hour ago"),
            { Status: "error" } => Error.Custom(502, "Subscriptions.StripeError", o.Error!, new Dictionary<string, object> { ["renewal"] = o.Renewal! }),
            _ => Error.Custom(402, "Subscriptions.RenewalFailed", $"The renewal was not charged: {o.Error}",
                new Dictionary<string, object> { ["renewal"] = o.Renewal! }),
        };
    }
}
