using System.Text;
using System.Text.Json;
using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Integrations.Stripe;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;
using Stripe;

namespace Api.Features.PriceWatch.Billing.Webhook;

/// <summary>
/// <c>POST /api/billing/webhook</c>: no JWT, no rate limit; the <c>Stripe-Signature</c> header is verified against
/// <c>Integrations:Stripe:WebhookSecret</c> (300 s tolerance) before the body is parsed (400 otherwise). Each event id is
/// applied once (pricewatch.stripe_events, written in the same transaction). The plan is always taken from the
/// subscription's current state read back from Stripe, so events arriving late or out of order cannot roll it back.
/// </summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("api/billing/webhook");
        AllowAnonymous();
        Description(b => b.WithTags("PriceWatch").WithSummary("Stripe webhook").Produces<Response>().ProducesProblemDetails(400));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        using var reader = new StreamReader(HttpContext.Request.Body, Encoding.UTF8);
        var payload = await reader.ReadToEndAsync(ct);
        var signature = HttpContext.Request.Headers["Stripe-Signature"].ToString();
        await Send.ResultAsync(await mediator.Send(new Request(payload, signature), ct), ct);
    }
}

sealed record Request(string Payload, string Signature) : IRequest<ErrorOr<Response>>;

sealed record Response(string Status, string? Event = null, string? Outcome = null);

sealed class Handler(AppDb db, StripeGateway stripe, PlatformScope scope, ILogger<Handler> log) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ApplySql = Sql.Load<Handler>("ApplySubscription.sql");
    static readonly string[] Handled =
        [EventTypes.CheckoutSessionCompleted, EventTypes.CustomerSubscriptionUpdated, EventTypes.CustomerSubscriptionDeleted, EventTypes.InvoicePaymentFailed];

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (stripe.WebhookSecret is not { } secret) return Error.Custom(503, "PriceWatch.WebhookNotConfigured", "Stripe webhook secret is not configured");
        Event evt;
        try { evt = EventUtility.ConstructEvent(req.Payload, req.Signature, secret, stripe.WebhookTolerance, throwOnApiVersionMismatch: false); }
        catch (Exception e) when (e is StripeException or JsonException or ArgumentException or FormatException or Newtonsoft.Json.JsonException)
        {
            log.LogWarning("Stripe webhook rejected: {Reason}", e.Message);
            return Error.Failure("PriceWatch.InvalidSignature", "Invalid Stripe signature");
        }
        if (!Handled.Contains(evt.Type)) return await RecordAsync(evt, null, "ignored_type", ct);

        // ids straight from the verified payload (robust to API-version differences in the typed models)
        using var doc = JsonDocument.Parse(req.Payload);
        if (!doc.RootElement.TryGetProperty("data", out var data) || !data.TryGetProperty("object", out var obj) || obj.ValueKind != JsonValueKind.Object)
            return await RecordAsync(evt, null, "ignored_malformed", ct);
        var customer = Str(obj, "customer");
        string? subscriptionId = evt.Type switch
        {
            EventTypes.CheckoutSessionCompleted => Str(obj, "subscription"),
            EventTypes.InvoicePaymentFailed => Str(obj, "subscription") ?? Path(obj, "parent", "subscription_details", "subscription"),
            _ => Str(obj, "id"),
        };
        var tenant = Guid.TryParse(Str(obj, "client_reference_id") ?? Path(obj, "metadata", "tenant_id"), out var t) ? t : (Guid?)null;
        tenant ??= await TenantOfCustomerAsync(customer, ct);
        if (tenant is null) return await RecordAsync(evt, null, "ignored_unknown_customer", ct);
        if (subscriptionId is null) return await RecordAsync(evt, tenant, "ignored_no_subscription", ct);

        Subscription current;
        try { current = await new SubscriptionService(stripe.Client!).GetAsync(subscriptionId, cancellationToken: ct); }
        catch (StripeException e)
        {
            return Error.Custom(502, "PriceWatch.StripeError", $"Could not read subscription {subscriptionId} from Stripe: {e.StripeError?.Message ?? e.Message}");
        }
        var item = current.Items?.Data?.FirstOrDefault();
        var plan = (item?.Price?.Id is { } priceId ? stripe.PlanForPrice(priceId) : null)
                   ?? (current.Metadata?.TryGetValue("plan", out var p) == true ? p : null) ?? "free";
        var ended = current.Status is "canceled" or "incomplete_expired";
        var status = current.Status ?? "active";
        if (evt.Type == EventTypes.InvoicePaymentFailed && status is "active" or "trialing") status = "past_due";

        await using var tx = await PwTx.BeginTenantAsync(db, tenant.Value, ct);
        if (!await InsertEventAsync(evt, tenant, "pending", ct)) return new Response("ok", evt.Id, "duplicate");
        var applied = await db.QueryToListAsync<string>(ApplySql, new
        {
            T = tenant.Value, Plan = ended ? "free" : plan, Status = ended ? "canceled" : status, Customer = current.CustomerId ?? customer,
            Sub = subscriptionId, PeriodEnd = item?.CurrentPeriodEnd is { } end && end > DateTime.UnixEpoch ? new DateTimeOffset(end, TimeSpan.Zero) : (DateTimeOffset?)null,
            CancelAtEnd = current.CancelAtPeriodEnd, Replace = evt.Type == EventTypes.CheckoutSessionCompleted,
        }, ct);
        var outcome = applied is [var o] ? o : "ignored_stale_subscription";
        await db.ExecuteAsync("update pricewatch.stripe_events set outcome = @Outcome where id = @Id", new { Outcome = outcome, evt.Id }, ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Stripe {Type} {Event} for tenant {Tenant}: {Outcome}", evt.Type, evt.Id, tenant, outcome);
        return new Response("ok", evt.Id, outcome);
    }

    async Task<Guid?> TenantOfCustomerAsync(string? customer, CancellationToken ct)
    {
        if (customer is null) return null;
        await using var tx = await PwTx.BeginPlatformAsync(db, scope, ct);
        var rows = await db.QueryToListAsync<Guid>("select tenant_id from pricewatch.subscriptions where stripe_customer_id = @customer", new { customer }, ct);
        await tx.CommitAsync(ct);
        return rows is [var t] ? t : null;
    }

    async Task<bool> InsertEventAsync(Event evt, Guid? tenant, string outcome, CancellationToken ct) =>
        await db.ExecuteAsync("""
            insert into pricewatch.stripe_events (id, type, tenant_id, created_at, outcome) values (@Id, @Type, @Tenant, @Created, @Outcome)
            on conflict (id) do nothing
            """, new { evt.Id, evt.Type, Tenant = tenant, Created = new DateTimeOffset(DateTime.SpecifyKind(evt.Created, DateTimeKind.Utc)), Outcome = outcome }, ct) == 1;

    async Task<ErrorOr<Response>> RecordAsync(Event evt, Guid? tenant, string outcome, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        var fresh = await InsertEventAsync(evt, tenant, outcome, ct);
        await tx.CommitAsync(ct);
        return new Response("ok", evt.Id, fresh ? outcome : "duplicate");
    }

    static string? Str(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Object => Str(v, "id"),   // expanded object
            _ => null,
        } : null;

    static string? Path(JsonElement o, params string[] path)
    {
        for (var i = 0; i < path.Length - 1; i++)
            if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty(path[i], out o)) return null;
        return Str(o, path[^1]);
    }
}
