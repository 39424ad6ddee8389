using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.AdPriority.Feed.GetFeedCsv;

/// <summary>Unauthenticated: the secret in the path is the credential (Merchant Center's scheduled fetch cannot send headers).</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request>
{
    public override void Configure()
    {
        Get("feeds/{Token}/supplemental.csv");
        Group<AdPriorityGroup>();
        AllowAnonymous();
        this.RateLimit(AdPriorityModule.General);
        Description(b => b.WithSummary("The supplemental feed as CSV (id, custom_label_0..4) behind a secret, revocable URL").Produces(200, contentType: "text/csv"));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var result = await mediator.Send(req, ct);
        if (result.IsError) { await ApiErrors.WriteAsync(HttpContext, ApiErrors.From(result.Errors), ct); return; }
        HttpContext.Response.StatusCode = 200;
        HttpContext.Response.ContentType = "text/csv; charset=utf-8";
        HttpContext.Response.Headers.CacheControl = "no-store";
        await result.Value.WriteAsync(HttpContext.Response.Body, ct);
    }
}
