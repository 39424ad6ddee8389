using System.Text;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Jobs;
using Api.Infrastructure.Tenancy;
using FastEndpoints;

namespace Api.Features.AdPriority.Webhooks.Receive;

/// <summary>
/// Shopify product and app webhooks. Verifies the HMAC over the raw body (bare 401 otherwise), drops replays, queues the work
/// (<see cref="Process.Job"/>) and answers 200 at once. Deliveries for shops that are not installed are acknowledged and ignored.
/// </summary>
sealed class Endpoint(Secrets secrets) : EndpointWithoutRequest
{
    public static readonly string[] Topics = AppUrls.WebhookTopics;

    public override void Configure()
    {
        Post(Topics.Select(t => $"webhooks/shopify/{t}").ToArray());
        Group<AdPriorityGroup>();
        AllowAnonymous();
        Description(b => b.WithSummary("Shopify webhooks: products/create, products/update, products/delete, app/uninstalled (HMAC verified)").Produces(401));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var db = HttpContext.RequestServices.GetRequiredService<AppDb>();
        var tenant = HttpContext.RequestServices.GetRequiredService<TenantContext>();
        var path = HttpContext.Request.Path.Value ?? "";
        var topic = Topics.First(t => path.EndsWith("/webhooks/shopify/" + t, StringComparison.OrdinalIgnoreCase));
        if (await WebhookIntake.ReadVerifiedAsync(HttpContext, secrets, topic, ct) is not { } delivery)
        {
            HttpContext.Response.StatusCode = 401;   // documented: a bare 401, nothing to learn from
            await HttpContext.Response.StartAsync(ct);
            return;
        }
        var tenantId = await WebhookIntake.TenantOfAsync(db, delivery.Shop, ct);
        var duplicate = false;
        if (tenantId is { } id)
        {
            tenant.Set(id.ToString());
            await using var tx = await db.BeginTenantAsync(ct);
            duplicate = !await WebhookIntake.FirstDeliveryAsync(db, delivery, topic, ct);
            if (!duplicate)
                await JobQueue.EnqueueAsync(db, Process.Job.Type, new Process.Job.Payload(topic, delivery.WebhookId, Encoding.UTF8.GetString(delivery.Body)),
                    id.ToString(), maxAttempts: 5, ct: ct);
            await tx.CommitAsync(ct);
        }
        await HttpContext.Response.WriteAsJsonAsync(new { received = true, duplicate }, Infrastructure.Modules.Modules.AdPriority.Json, ct);
    }
}
