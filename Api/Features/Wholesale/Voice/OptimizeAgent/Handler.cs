using System.Globalization;
using System.Text;
using System.Text.Json;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.OpenAi;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Voice.OptimizeAgent;

/// <summary>
/// <c>agent_id</c> is our <c>wholesale.voice_agents</c> id (404 otherwise). The worst calls: that agent's evaluated calls in the
/// window (business days, default the last 30) scored under <c>score_threshold</c> (default 60), lowest first, at most 50; fewer
/// than <c>min_calls</c> (default 10): 409. With a chat model: it reads the current prompt and those calls' reasons and
/// summaries and answers the documented JSON. Without one (or when it fails): the reasons are counted, and each reason seen
/// in at least two calls (or the top three) becomes an added rule; <c>changes_made</c> lists them. Nothing is saved: the
/// proposal is for staff to apply on the voice platform.
/// </summary>
sealed class Handler(AppDb db, OpenAiClient ai, BusinessClock clock, ILogger<Handler> log) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    const string Prompt = """
        You improve the system prompt of a restaurant-supply phone ordering assistant. You get its current prompt and its worst
        graded calls (score, reasons, summary). Answer a JSON object: {"analysis": "a short paragraph", "suggested_system_prompt":
        "the full revised prompt", "changes_made": ["each change, one line"], "expected_improvement": "one sentence"}.
        """;

    sealed class Agent { public long Id { get; init; } public string Name { get; init; } = ""; public string SystemPrompt { get; init; } = ""; }
    sealed class Call { public long Id { get; init; } public decimal Score { get; init; } public string Reasons { get; init; } = "[]"; public string? Summary { get; init; } }

    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct)
    {
        var agent = (await db.QueryToListAsync<Agent>("select id as \"Id\", name as \"Name\", system_prompt as \"SystemPrompt\" from wholesale.voice_agents where id = @AgentId",
            new { req.AgentId }, ct)).FirstOrDefault();
        if (agent is null) return Error.NotFound("Agent.NotFound", "no voice agent with that id");
        var to = req.DateTo is null ? clock.Today : DateOnly.ParseExact(req.DateTo, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var from = req.DateFrom is null ? to.AddDays(-30) : DateOnly.ParseExact(req.DateFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (from > to) return VoiceKit.Invalid("date_from", "date_from is after date_to");
        var threshold = req.ScoreThreshold ?? 60m; var minCalls = req.MinCalls ?? 10;
        var calls = await db.QueryToListAsync<Call>("""
            select id as "Id", eval_score as "Score", eval_reasons::text as "Reasons", eval_summary as "Summary"
              from wholesale.call_log
             where agent_id = @AgentId and eval_score is not null and eval_score < @Threshold
               and (coalesce(start_time, created_at) at time zone @Tz)::date between @From and @To
             order by eval_score, id limit 50
            """, new { req.AgentId, Threshold = threshold, Tz = clock.ZoneId, From = from, To = to }, ct);
        if (calls.Count < minCalls)
            return Error.Conflict("Agent.TooFewCalls", $"only {calls.Count} calls scored under {threshold} in the window; {minCalls} are needed");

        var reasons = calls.SelectMany(c => JsonSerializer.Deserialize<List<string>>(c.Reasons) ?? []).Select(r => r.Trim()).Where(r => r.Length > 0)
            .GroupBy(r => r, StringComparer.OrdinalIgnoreCase).Select(g => (Reason: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ThenBy(g => g.Reason).ToList();
        var avg = Math.Round(calls.Average(c => c.Score), 1);

        if (ai.ChatConfigured)
        {
            try
            {
                var user = new StringBuilder($"Current prompt:\n{agent.SystemPrompt}\n\nWorst calls (average score {avg}):\n");
                foreach (var c in calls.Take(30)) user.Append($"- score {c.Score}: {string.Join("; ", JsonSerializer.Deserialize<List<string>>(c.Reasons) ?? [])} — {c.Summary}\n");
                using var doc = JsonDocument.Parse(await ai.ChatJsonAsync(Prompt, user.ToString(), 2000, ct));
                var r = doc.RootElement;
                string S(string n) => r.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
                var prompt = S("suggested_system_prompt");
                if (prompt.Length > 0)
                    return VoiceKit.ToJson(new
                    {
                        agent_id = agent.Id, method = "llm", calls_analyzed = calls.Count, average_score = avg, analysis = S("analysis"),
                        suggested_system_prompt = prompt,
                        changes_made = r.TryGetProperty("changes_made", out var cm) && cm.ValueKind == JsonValueKind.Array
                            ? cm.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()).ToList() : [],
                        expected_improvement = S("expected_improvement"),
                    });
                log.LogWarning("Chat model gave no suggested_system_prompt for agent {Id}; using the local rules", agent.Id);
            }
            catch (Exception e) when (e is OpenAiException or JsonException)
            {
                log.LogWarning("Chat model failed for optimize-agent {Id} ({Error}); using the local rules", agent.Id, e.Message);
            }
        }

        var picked = reasons.Where(r => r.Count >= 2).ToList();
        if (picked.Count == 0) picked = reasons.Take(3).ToList();
        var rules = picked.Select(p => Rule(p.Reason)).Distinct().ToList();
        var suggested = rules.Count == 0 ? agent.SystemPrompt
            : agent.SystemPrompt.TrimEnd() + "\n\nRules added after reviewing low-scoring calls:\n" + string.Join("\n", rules.Select(r => "- " + r));
        return VoiceKit.ToJson(new
        {
            agent_id = agent.Id, method = "local", calls_analyzed = calls.Count, average_score = avg,
            analysis = $"{calls.Count} calls scored under {threshold} between {from:yyyy-MM-dd} and {to:yyyy-MM-dd} (average {avg}). Most frequent problems: "
                + (reasons.Count == 0 ? "none recorded." : string.Join("; ", reasons.Take(5).Select(r => $"{r.Reason} ({r.Count})")) + "."),
            suggested_system_prompt = suggested,
            changes_made = rules.Select(r => "Added rule: " + r).ToList(),
            expected_improvement = rules.Count == 0 ? "No recurring failure reason to address."
                : $"Fewer calls failing for the {rules.Count} recurring reason(s) above; re-evaluate after the next {minCalls} calls.",
        });
    }

    /// <summary>A failure reason turned into an instruction.</summary>
    static string Rule(string reason)
    {
        var r = reason.ToLowerInvariant();
        if (r.Contains("price")) return "Only state prices returned by get_products or place_order; never estimate a price.";
        if (r.Contains("order number")) return "Only read back order numbers returned by place_order or check_order_status.";
        if (r.Contains("sku") || r.Contains("product")) return "Only mention products returned by get_products; offer a special order otherwise.";
        if (r.Contains("do-not-call") || r.Contains("do not call") || r.Contains("dnc")) return "When a caller asks not to be called, confirm and log dnc_requested before ending the call.";
        if (r.Contains("escalat") || r.Contains("manager") || r.Contains("person")) return "When a caller asks for a person or complains, offer a transfer or a call back from the team.";
        if (r.Contains("unresolved") || r.Contains("resol")) return "Before ending, confirm the caller's request was completed or tell them the next step.";
        return "Avoid: " + reason;
    }
}
