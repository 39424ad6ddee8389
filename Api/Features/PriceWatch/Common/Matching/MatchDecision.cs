namespace Api.Features.PriceWatch.Common.Matching;

/// <summary>
/// The per-competitor decision of each method, shared by the matching job and the quality evaluation:
/// <c>fuzzy</c> keeps the best candidate at or above the profile's minimum confidence; <c>hybrid</c> keeps it above
/// <c>ai_verify_max</c>, asks the verifier between <c>ai_verify_min</c> and <c>ai_verify_max</c> and drops it below;
/// <c>ai</c> lets the verifier judge the top three candidates of at least 30 % and keeps the one it is surest of.
/// </summary>
static class MatchDecision
{
    public static async Task<Candidate?> DecideAsync(FuzzyMatcher matcher, Item own, List<Candidate> candidates, string method, MatchProfile p,
        IMatchVerifier verifier, CancellationToken ct)
    {
        if (candidates.Count == 0) return null;
        var best = candidates[0];
        switch (method)
        {
            case "fuzzy":
                return best.Confidence >= p.MinConfidence ? best : null;
            case "hybrid":
                if (best.Confidence > p.AiVerifyMax) return best;
                if (best.Confidence < p.AiVerifyMin) return null;
                var (same, conf) = await verifier.VerifyAsync(matcher.Prepare(own), matcher.Prepare(best.Product), best.Confidence, p, ct);
                return same ? best with { Confidence = conf } : null;
            default:   // ai: the verifier judges the top fuzzy candidates
                Candidate? chosen = null;
                var prepared = matcher.Prepare(own);
                foreach (var c in candidates.Where(c => c.Confidence >= 30).Take(3))
                {
                    var (ok, score) = await verifier.VerifyAsync(prepared, matcher.Prepare(c.Product), c.Confidence, p, ct);
                    if (ok && (chosen is null || score > chosen.Confidence)) chosen = c with { Confidence = score };
                }
                return chosen;
        }
    }
}
