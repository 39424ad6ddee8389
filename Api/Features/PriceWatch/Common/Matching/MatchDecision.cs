namespace Api.Features.PriceWatch.Common.Matching;

/// <summary>
/// The per-competitor decision of each method, shared by the matching job and the quality evaluation:
/// <c>fuzzy</c> accepts candidates at or above the profile's minimum confidence; <c>hybrid</c> accepts those above
/// <c>ai_verify_max</c>, asks the verifier between <c>ai_verify_min</c> and <c>ai_verify_max</c> and drops them below;
/// <c>ai</c> lets the verifier judge the top three candidates of at least 30 %. <see cref="DecideAsync"/> keeps the best accepted
/// candidate; the job takes every accepted one (<see cref="AcceptedAsync"/>) to the one-to-one <see cref="Assignment"/>, so a
/// listing already taken by a better pair can give way to the next candidate.
/// </summary>
static class MatchDecision
{
    /// <summary>At most this many candidates per own product and competitor are judged (the verifier may be a remote model).</summary>
    public const int Judged = 3;

    public static async Task<Candidate?> DecideAsync(FuzzyMatcher matcher, Item own, List<Candidate> candidates, string method, MatchProfile p,
        IMatchVerifier verifier, CancellationToken ct) =>
        (await AcceptedAsync(matcher, own, candidates, method, p, verifier, ct)).FirstOrDefault();

    /// <summary>The accepted candidates with their final confidence, best first.</summary>
    public static async Task<List<Candidate>> AcceptedAsync(FuzzyMatcher matcher, Item own, List<Candidate> candidates, string method, MatchProfile p,
        IMatchVerifier verifier, CancellationToken ct)
    {
        var accepted = new List<Candidate>();
        if (candidates.Count == 0) return accepted;
        switch (method)
        {
            case "fuzzy":
                accepted.AddRange(candidates.Where(c => c.Confidence >= p.MinConfidence).Take(Judged));
                break;
            case "hybrid":
                Prepared? prepared = null;
                foreach (var c in candidates.Take(Judged))
                {
                    if (c.Confidence > p.AiVerifyMax) { accepted.Add(c); continue; }
                    if (c.Confidence < p.AiVerifyMin) break;   // sorted: the rest are lower still
                    prepared ??= matcher.Prepare(own);
                    var (same, conf) = await verifier.VerifyAsync(prepared, matcher.Prepare(c.Product), c.Confidence, p, ct);
                    if (!same) break;   // as before: a refused candidate ends the list (lower ones get no second chance)
                    accepted.Add(c with { Confidence = conf });
                }
                break;
            default:   // ai: the verifier judges the top fuzzy candidates
                var own1 = matcher.Prepare(own);
                foreach (var c in candidates.Where(c => c.Confidence >= 30).Take(Judged))
                {
                    var (ok, score) = await verifier.VerifyAsync(own1, matcher.Prepare(c.Product), c.Confidence, p, ct);
                    if (ok) accepted.Add(c with { Confidence = score });
                }
                break;
        }
        // fuzzy and hybrid keep the matcher's order (a verified candidate's raised confidence does not pass a better-scored one);
        // ai ranks by the verifier's score, the first of equal scores kept
        return method is "fuzzy" or "hybrid" ? accepted : [.. accepted.OrderByDescending(c => c.Confidence)];
    }
}
