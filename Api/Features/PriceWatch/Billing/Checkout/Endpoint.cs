using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Integrations.Stripe;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using LinqToDB.Data;
using Mediator;
using Stripe;
using Stripe.Checkout;

namespace Api.Features.PriceWatch.Billing.Checkout;

/// <summary>
/// <c>POST /api/billing/checkout</c> (owner, admin): a Stripe Checkout session in subscription mode for <c>pro</c> or
/// <c>enterprise</c>, priced from <c>Integrations:Stripe:Prices:&lt;plan&gt;</c>. The tenant id travels in
/// client_reference_id and in the session's and subscription's metadata. 503 when Stripe is not configured, 502 when it fails.
/// </summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/billing/checkout");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Create a Stripe Checkout session for a plan").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string Plan { get; init; } = "";

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Plan).Must(p => p is "pro" or "enterprise").WithMessage("plan must be one of pro, enterprise");
    }
}

sealed record Response(string CheckoutUrl, string SessionId);

sealed class Handler(AppDb db, Caller caller, StripeGateway stripe, IConfiguration config) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Require("admin") is { } forbidden) return forbidden;
        if (stripe.Client is not { } client || stripe.PriceFor(req.Plan) is not { } price)
            return Error.Custom(503, "PriceWatch.BillingNotConfigured", "Billing is not configured");
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var current = await db.QueryToListAsync<Current>("""
            select plan_id as "PlanId", status as "Status", stripe_customer_id as "CustomerId"
              from pricewatch.subscriptions where tenant_id = @TenantId
            """, new { caller.TenantId }, ct);
        await tx.CommitAsync(ct);
        if (current is [{ Status: "active" or "trialing" } c] && c.PlanId == req.Plan)
            return Error.Conflict("PriceWatch.AlreadySubscribed", $"The workspace is already on the {req.Plan} plan");

        var app = (config["PriceWatch:AppUrl"] is { Length: > 0 } a ? a : "http://localhost:3000").TrimEnd('/');
        var meta = new Dictionary<string, string> { ["tenant_id"] = caller.TenantId.ToString(), ["plan"] = req.Plan };
        var options = new SessionCreateOptions
        {
            Mode = "subscription",
            LineItems = [new SessionLineItemOptions { Price = price, Quantity = 1 }],
            ClientReferenceId = caller.TenantId.ToString(),
            Metadata = meta,
            SubscriptionData = new SessionSubscriptionDataOptions { Metadata = new Dictionary<string, string>(meta) },
            SuccessUrl = config["Integrations:Stripe:SuccessUrl"] is { Length: > 0 } s ? s : $"{app}/billing?checkout=success",
            CancelUrl = config["Integrations:Stripe:CancelUrl"] is { Length: > 0 } x ? x : $"{app}/billing?checkout=cancelled",
        };
        if (current is [{ CustomerId: { } customer }]) options.Customer = customer;
        else options.CustomerEmail = caller.Email;
        try
        {
            var session = await new SessionService(client).CreateAsync(options, cancellationToken: ct);
            return new Response(session.Url, session.Id);
        }
        catch (StripeException e)
        {
            return Error.Custom(502, "PriceWatch.StripeError", $"Payment provider error: {e.StripeError?.Message ?? e.Message}");
        }
    }

    sealed class Current
    {
        public string PlanId { get; init; } = "";
        public string Status { get; init; } = "";
        public string? CustomerId { get; init; }
    }
}
