using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http.Features;

namespace Api.Features.BrandInsights.Ingest.IngestMenuSnapshots;

/// <summary>Beyond document 004: crawlers post one crawl as NDJSON, streamed (the body is never held in memory).</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("v1/ingest/menu-snapshots");
        AuthSchemes(BrandInsightsAuth.ApiKeyScheme);
        Definition.Metadata(new RequestBodyLimit(4L << 30));   // one crawl, streamed   // not the dashboard group: crawlers use X-API-Key, never a brand JWT
        Description(b => b.WithTags("BrandInsights").WithSummary("Load one crawl of store menus (NDJSON, one line per store-product observation)")
            .Accepts<string>("application/x-ndjson").Produces<Response>());
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = 4L << 30;
        var keyId = long.TryParse(User.FindFirst(BrandInsightsAuth.IngestKeyClaim)?.Value, out var id) ? id : (long?)null;
        await Send.ResultAsync(await mediator.Send(new Request(HttpContext.Request.BodyReader, keyId), ct), ct);
    }
}
