using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Database;
using FastEndpoints;

namespace Api.Features.ShopperSearch.Utilities.Health;

/// <summary>Readiness: 200 {"status":"ok"} once the database is up and the embedding service answers; 503 before.</summary>
sealed class Endpoint(Db db) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("health");
        AllowAnonymous();
        Description(b => b.WithTags("ShopperSearch").WithSummary("Readiness probe").Produces<Response>());
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (!db.Ready.IsCompletedSuccessfully) { await Send.ResponseAsync(new Response("starting"), 503, ct); return; }
        var embedder = HttpContext.RequestServices.GetRequiredService<ITextEmbedder>();   // scoped: not a constructor argument
        try { _ = await embedder.EmbedAsync(["health"], ct); }
        catch (Exception e) when (e is not OperationCanceledException) { await Send.ResponseAsync(new Response("embeddings unavailable"), 503, ct); return; }
        await Send.OkAsync(new Response("ok"), ct);
    }
}

sealed record Response(string Status);
