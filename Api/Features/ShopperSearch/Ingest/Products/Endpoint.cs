using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http.Features;

namespace Api.Features.ShopperSearch.Ingest.Products;

/// <summary>
/// Push ingest. The body is streamed (never read whole): NDJSON (<c>application/x-ndjson</c>), a JSON array
/// (<c>application/json</c>) or CSV (<c>text/csv</c>); <c>mode</c>, <c>dry_run</c> and <c>mapping</c> come from the query string.
/// </summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("api/v1/ingest/products");
        Group<ShopperSearchGroup>();
        Definition.Metadata(new RequestBodyLimit(200L * 1024 * 1024));   // large catalogs, streamed
        Description(b => b.WithSummary("Push catalog rows (NDJSON, JSON array or CSV); upsert or replace, with dry-run validation").Produces<Response>());
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = 200L * 1024 * 1024;
        var q = HttpContext.Request.Query;
        var req = new Request(q["mode"].ToString(), q["dry_run"].ToString(), q["mapping"].ToString(),
            HttpContext.Request.ContentType ?? "", HttpContext.Request.Body, User.FindFirst(Api.Infrastructure.Auth.ShopperSearchAuth.ApiKeyClaim) is not null);
        var result = await mediator.Send(req, ct);
        if (result.IsError) await ApiErrors.WriteAsync(HttpContext, ApiErrors.From(result.Errors), ct);
        else await Send.OkAsync(result.Value, ct);
    }
}

sealed record Request(string Mode, string DryRun, string Mapping, string ContentType, Stream Body, bool HasApiKey) : IRequest<ErrorOr.ErrorOr<Response>>;

sealed record RowError(long Line, string Reason);

sealed record Response(string Status, long MerchantId, long RowsReceived, long RowsUpserted, long RowsSkipped, List<RowError> Errors, string? PipelineRunId);
