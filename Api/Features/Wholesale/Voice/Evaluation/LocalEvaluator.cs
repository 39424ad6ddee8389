using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Api.Features.Wholesale.Voice.Evaluation;

/// <summary>What an evaluation concluded (either evaluator). Score 0-100.</summary>
public sealed record Verdict(decimal Score, bool Hallucination, bool Resolved, bool EscalationNeeded, bool DncViolation, List<string> Reasons, string Summary);

/// <summary>What the evaluators see of a call.</summary>
public sealed record CallFacts(string? Transcript, JsonElement ToolOutputs, bool OrderPlaced, string? OrderNumber, string? Status, bool CustomerDoNotCall, string Direction);

/// <summary>
/// The deterministic evaluator used when no chat model is configured (or it fails). Agent lines are those labelled
/// <c>agent:</c>, <c>assistant:</c>, <c>ai:</c> or <c>bot:</c> (the whole transcript when nothing is labelled); caller lines
/// <c>user:</c>, <c>caller:</c>, <c>customer:</c>. Rules, each adding a reason:
/// <list type="bullet">
/// <item>a price the agent said (<c>$12.50</c>, <c>12.50 dollars</c>) that no tool output contains: hallucination (-30 each, at most -60)</item>
/// <item>an order number (<c>LLD-…</c>) or SKU-looking code the agent said that no tool output (nor the call's order) contains: hallucination (-30 each)</item>
/// <item>unresolved: no order placed and no tool answered <c>success: true</c> (-25)</item>
/// <item>the caller asked for a person/manager or complained and the agent did not say it would transfer or have someone call back (-15)</item>
/// <item>the caller asked not to be called and the call did not end with the number on do-not-call; or an outbound call to a do-not-call number (-40)</item>
/// <item>no transcript: score 0, "no transcript to evaluate"</item>
/// </list>
/// Score = 100 minus the deductions, floored at 0.
/// </summary>
public static class LocalEvaluator
{
    static readonly Regex AgentLine = new(@"^\s*(agent|assistant|ai|bot)\s*:\s*(.*)$", RegexOptions.IgnoreCase | RegexOptions.Multiline);
    static readonly Regex CallerLine = new(@"^\s*(user|caller|customer)\s*:\s*(.*)$", RegexOptions.IgnoreCase | RegexOptions.Multiline);
    static readonly Regex Price = new(@"\$\s?(\d{1,6}(?:,\d{3})*(?:\.\d{1,2})?)|(\d{1,6}(?:\.\d{1,2})?)\s?dollars", RegexOptions.IgnoreCase);
    static readonly Regex OrderNo = new(@"\bLLD-[A-Z0-9]{4,}\b", RegexOptions.IgnoreCase);
    static readonly Regex SkuLike = new(@"\b[A-Z]{2,5}-\d{2,}[A-Z0-9-]*\b");
    static readonly string[] EscalationAsks = ["manager", "supervisor", "real person", "human", "representative", "speak to someone", "complaint", "talk to someone"];
    static readonly string[] EscalationDone = ["transfer", "connect you", "have someone call", "call you back", "escalat", "a team member will"];
    static readonly string[] DncAsks = ["do not call", "don't call", "dont call", "stop calling", "remove me", "take me off", "never call"];

    public static Verdict Evaluate(CallFacts call)
    {
        if (string.IsNullOrWhiteSpace(call.Transcript))
            return new Verdict(0, false, call.OrderPlaced, false, false, ["no transcript to evaluate"], "No transcript was stored for this call.");
        var agentLines = AgentLine.Matches(call.Transcript).Select(m => m.Groups[2].Value).ToList();
        var callerLines = CallerLine.Matches(call.Transcript).Select(m => m.Groups[2].Value).ToList();
        var agent = agentLines.Count > 0 ? string.Join("\n", agentLines) : call.Transcript;
        var caller = string.Join("\n", callerLines).ToLowerInvariant();

        var toolText = call.ToolOutputs.ValueKind == JsonValueKind.Undefined ? "" : call.ToolOutputs.GetRawText();
        var numbers = new HashSet<decimal>();
        var anySuccess = false;
        Walk(call.ToolOutputs, numbers, ref anySuccess);

        var reasons = new List<string>();
        decimal score = 100, hallucinationPenalty = 0;
        foreach (Match m in Price.Matches(agent))
        {
            var raw = (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).Replace(",", "");
            if (!decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var said)) continue;
            if (numbers.Contains(decimal.Round(said, 2))) continue;
            reasons.Add($"price ${said:0.00} was said but no tool returned it");
            hallucinationPenalty += 30;
        }
        foreach (var code in OrderNo.Matches(agent).Select(m => m.Value.ToUpperInvariant()).Distinct())
        {
            if (toolText.Contains(code, StringComparison.OrdinalIgnoreCase) || string.Equals(code, call.OrderNumber, StringComparison.OrdinalIgnoreCase)) continue;
            reasons.Add($"order number {code} was said but never returned by our endpoints");
            hallucinationPenalty += 30;
        }
        foreach (var sku in SkuLike.Matches(agent).Select(m => m.Value).Where(v => !v.StartsWith("LLD-", StringComparison.OrdinalIgnoreCase)).Distinct())
        {
            if (toolText.Contains(sku, StringComparison.OrdinalIgnoreCase)) continue;
            reasons.Add($"product {sku} was mentioned but never returned by our endpoints");
            hallucinationPenalty += 30;
        }
        var hallucination = hallucinationPenalty > 0;
        score -= Math.Min(hallucinationPenalty, 60);

        var resolved = call.OrderPlaced || anySuccess;
        if (!resolved) { reasons.Add("the call ended without an order or a successful lookup"); score -= 25; }

        var agentLower = agent.ToLowerInvariant();
        var escalation = EscalationAsks.Any(caller.Contains) && !EscalationDone.Any(agentLower.Contains);
        if (escalation) { reasons.Add("the caller asked for a person or complained and was not transferred or promised a call back"); score -= 15; }

        var dncAsked = DncAsks.Any((callerLines.Count > 0 ? caller : call.Transcript.ToLowerInvariant()).Contains);
        var dnc = (dncAsked && !call.CustomerDoNotCall) || (call.Direction == "outbound" && call.CustomerDoNotCall && !dncAsked);
        if (dnc) { reasons.Add(dncAsked ? "the caller asked not to be called but the number is not on do-not-call" : "an outbound call reached a do-not-call number"); score -= 40; }

        score = Math.Max(0, score);
        var summary = reasons.Count == 0 ? "No problems found: every figure said came from our endpoints and the call was resolved."
            : $"{reasons.Count} problem(s): " + string.Join("; ", reasons) + ".";
        return new Verdict(score, hallucination, resolved, escalation, dnc, reasons, summary);
    }

    static void Walk(JsonElement e, HashSet<decimal> numbers, ref bool success)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Number:
                if (e.TryGetDecimal(out var d)) numbers.Add(decimal.Round(d, 2));
                break;
            case JsonValueKind.String:
                if (decimal.TryParse(e.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var s)) numbers.Add(decimal.Round(s, 2));
                break;
            case JsonValueKind.Array:
                foreach (var x in e.EnumerateArray()) Walk(x, numbers, ref success);
                break;
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    if (p.NameEquals("success") && p.Value.ValueKind == JsonValueKind.True) success = true;
                    Walk(p.Value, numbers, ref success);
                }
                break;
        }
    }
}
