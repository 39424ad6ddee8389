using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using FastEndpoints;

namespace Api.Features.AdPriority.Gdpr.CustomerRequests;

/// <summary>
/// Mandatory GDPR webhooks customers/data_request and customers/redact: HMAC verified (bare 401 otherwise), recorded once,
/// answered with the documented message. AdPriority stores no customer data, so there is nothing to report or erase.
/// </summary>
sealed class Endpoint(Secrets secrets) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Post("api/gdpr/customers-data-request", "api/gdpr/customers-redact");
        Group<AdPriorityGroup>();
        AllowAnonymous();
        Description(b => b.WithSummary("GDPR customer data request / redact (HMAC verified; no customer data is stored)"));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var db = HttpContext.RequestServices.GetRequiredService<AppDb>();
        var redact = HttpContext.Request.Path.Value!.EndsWith("customers-redact", StringComparison.OrdinalIgnoreCase);
        var topic = redact ? "customers/redact" : "customers/data_request";
        if (await Webhooks.WebhookIntake.ReadVerifiedAsync(HttpContext, secrets, topic, ct) is not { } delivery)
        {
            HttpContext.Response.StatusCode = 401;
            await HttpContext.Response.StartAsync(ct);
            return;
        }
        await Webhooks.WebhookIntake.FirstDeliveryAsync(db, delivery, topic, ct);
        var message = redact ? "No customer data stored. Nothing to redact." : "AdPriority does not store customer-identifiable data. No data to report.";
        await HttpContext.Response.WriteAsJsonAsync(new { message }, Infrastructure.Modules.Modules.AdPriority.Json, ct);
    }
}
