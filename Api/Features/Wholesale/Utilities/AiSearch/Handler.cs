using Api.Features.Wholesale.Utilities.CatalogAnswers;
using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.OpenAi;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Utilities.AiSearch;

/// <summary>
/// With a configured chat model, the model turns the request into catalog keywords (falling back to the request itself when it
/// fails or finds none); the catalog search then finds the products. The suggestion is written from what was found.
/// </summary>
sealed class Handler(AppDb db, OpenAiClient ai, ILogger<Handler> log) : IRequestHandler<Request, ErrorOr<Response>>
{
    const int Limit = 20;

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var query = req.Query.Trim();
        var es = ProductSearch.Spanish(req.Language);
        var hits = new List<ProductHit>();
        if (ai.ChatConfigured)
        {
            try
            {
                var keywords = await ai.ChatAsync(
                    "Turn a restaurant buyer's request into 1-6 product search keywords for a food-service supply catalog " +
                    "(English nouns, no prices, no quantities). Answer with the keywords only, separated by spaces.", query, ct);
                hits = await ProductSearch.SearchAsync(db, keywords.Length > 200 ? keywords[..200] : keywords, Limit, ct);
            }
            catch (OpenAiException e)
            {
                log.LogWarning("Search model unavailable ({Error}); searching the catalog directly", e.Message);
            }
        }
        if (hits.Count == 0) hits = await ProductSearch.SearchAsync(db, query, Limit, ct);
        return new Response(true, hits, Suggestion(query, hits, es), hits.Count);
    }

    static string Suggestion(string query, List<ProductHit> hits, bool es)
    {
        if (hits.Count == 0) return ProductSearch.NothingFound(query, es);
        var top = hits[0];
        var categories = hits.Select(h => h.Category).Where(c => c is not null).Distinct().Take(3).ToList();
        var where = categories.Count == 0 ? "" : es ? $" en {string.Join(", ", categories)}" : $" in {string.Join(", ", categories)}";
        return es
            ? $"{hits.Count} productos{where}. El más relevante: {top.Name} ({top.Sku})."
            : $"{hits.Count} product{(hits.Count == 1 ? "" : "s")} found{where}. Best match: {top.Name} ({top.Sku}).";
    }
}
