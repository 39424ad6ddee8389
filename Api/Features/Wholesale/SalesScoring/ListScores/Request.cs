using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.SalesScoring.ListScores;

/// <summary>The document's query: tier, min_p_alive, max_p_alive, search, page, per_page (at most 200), ordering (whitelisted,
/// <c>-</c> for descending; default <c>-expected_orders_90d</c>).</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    [QueryParam] public string? Tier { get; init; }
    [BindFrom("min_p_alive")] public double? MinPAlive { get; init; }
    [BindFrom("max_p_alive")] public double? MaxPAlive { get; init; }
    [QueryParam] public string? Search { get; init; }
    [QueryParam] public int Page { get; init; } = 1;
    [BindFrom("per_page")] public int PerPage { get; init; } = 50;
    [QueryParam] public string? Ordering { get; init; }

    public static readonly string[] Tiers = ["champion", "active", "at_risk", "lapsed", "new"];
    /// <summary>Wire name to column.</summary>
    public static readonly Dictionary<string, string> Orderings = new()
    {
        ["expected_orders_90d"] = "s.expected_orders_90d", ["p_alive"] = "s.p_alive", ["expected_order_value"] = "s.expected_order_value",
        ["predicted_value_12m"] = "s.value_12m", ["total_spent"] = "s.total_spent", ["orders_count"] = "s.orders_count",
        ["last_order_at"] = "s.last_order_at", ["first_order_at"] = "s.first_order_at", ["x"] = "s.x", ["customer_id"] = "s.customer_id",
        ["company_name"] = "c.company_name",
    };

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Tier).Must(t => t is null || t == "" || Tiers.Contains(t)).WithMessage("must be one of: " + string.Join(", ", Tiers));
            RuleFor(r => r.MinPAlive).InclusiveBetween(0, 1);
            RuleFor(r => r.MaxPAlive).InclusiveBetween(0, 1);
            RuleFor(r => r.Search).MaximumLength(200);
            RuleFor(r => r.Page).GreaterThanOrEqualTo(1);
            RuleFor(r => r.PerPage).InclusiveBetween(1, 200);
            RuleFor(r => r.Ordering).Must(o => o is null || o == "" || Orderings.ContainsKey(o.TrimStart('-')))
                .WithMessage("must be one of: " + string.Join(", ", Orderings.Keys) + " (prefix - for descending)");
        }
    }
}

sealed record Response(List<ScoreView> Results, long Total, int Page, int Pages, Dictionary<string, long> TierCounts,
    DateTimeOffset? LastComputed, LastRun? LastRun);

/// <summary>The newest refit, whatever its outcome (a failed one says why; the scores shown are the last good run's).</summary>
sealed class LastRun
{
    public long Id { get; init; }
    public string Status { get; init; } = "";
    public string? Error { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
}
