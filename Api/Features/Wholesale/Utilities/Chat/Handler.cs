using Api.Features.Wholesale.Utilities.CatalogAnswers;
using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.OpenAi;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Utilities.Chat;

/// <summary>
/// Searches the catalog for the message; with a configured chat model, the model writes the reply around those products
/// (told not to state prices or stock, and any amount it writes anyway is removed) and the product lines with their
/// database prices and stock follow; without one, or when it fails, the reply is built from the rows alone.
/// </summary>
sealed class Handler(AppDb db, OpenAiClient ai, TimeProvider clock, ILogger<Handler> log) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string SaveSql = Sql.Load<Handler>("Chat.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var es = ProductSearch.Spanish(req.Language);
        var message = req.Message.Trim();
        var hits = await ProductSearch.SearchAsync(db, message, 5, ct);
        var facts = hits.Count == 0 ? ProductSearch.NothingFound(Short(message), es) : ProductSearch.Intro(Short(message), es) + "\n" + ProductSearch.Describe(hits, es);
        var reply = facts;
        if (ai.ChatConfigured)
        {
            try
            {
                var text = ProductSearch.WithoutPrices(await ai.ChatAsync(SystemPrompt(es), UserPrompt(req, hits), ct));
                reply = hits.Count == 0 ? text : text + "\n\n" + ProductSearch.Describe(hits, es);
            }
            catch (OpenAiException e)
            {
                log.LogWarning("Chat model unavailable ({Error}); answering from the catalog", e.Message);
            }
        }
        await db.ExecuteAsync(SaveSql, new { req.SessionId, Question = message, Answer = reply, Language = req.Language?.Trim() }, ct);
        return new Response(true, reply, clock.GetUtcNow(), hits);
    }

    static string Short(string s) => s.Length > 80 ? s[..80] + "…" : s;

    static string SystemPrompt(bool es) =>
        "You are the assistant of LLD Restaurant Supply, a wholesale supplier to restaurants. Answer briefly and helpfully about the " +
        "products listed for you. Never state prices, discounts or stock numbers: the system appends them from the catalog after your " +
        "reply. Do not invent products. " + (es ? "Answer in Spanish." : "Answer in the customer's language.");

    static string UserPrompt(Request req, List<ProductHit> hits)
    {
        var history = string.Join('\n', (req.History ?? []).TakeLast(10).Where(t => !string.IsNullOrWhiteSpace(t.Content))
            .Select(t => $"{(t.Role == "assistant" ? "Assistant" : "Customer")}: {t.Content}"));
        var products = hits.Count == 0 ? "(no matching products)" : string.Join('\n', hits.Select(h => $"- {h.Name} ({h.Sku}){(h.UnitSize is null ? "" : ", " + h.UnitSize)}"));
        return $"Earlier conversation:\n{(history.Length == 0 ? "(none)" : history)}\n\nCatalog products found:\n{products}\n\nCustomer: {req.Message.Trim()}";
    }
}
