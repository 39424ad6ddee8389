using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.ListEntries;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public static readonly Dictionary<string, string> SortColumns = new()
    {
        ["priority_score"] = "e.priority_score", ["company_name"] = "lower(e.company_name)", ["contact_name"] = "lower(e.contact_name)",
        ["last_called"] = "e.last_called", ["last_order_at"] = "e.last_order_at", ["created_at"] = "e.created_at",
        ["updated_at"] = "e.updated_at", ["status"] = "e.status", ["order_count"] = "e.order_count",
    };

    /// <summary>Sorts on columns declared not null: their descending order needs no <c>nulls last</c> (which would defeat an index).</summary>
    public static readonly HashSet<string> NotNullSorts = ["priority_score", "created_at", "updated_at", "status", "order_count"];

    [QueryParam, BindFrom("sort")] public string? Sort { get; init; }
    [QueryParam, BindFrom("dir")] public string? Dir { get; init; }
    [QueryParam, BindFrom("status")] public string? Status { get; init; }
    [QueryParam, BindFrom("q")] public string? Q { get; init; }
    [QueryParam, BindFrom("assignee")] public string? Assignee { get; init; }
    [QueryParam, BindFrom("page")] public int Page { get; init; } = 1;
    [QueryParam, BindFrom("per_page")] public int PerPage { get; init; } = 50;
    [QueryParam, BindFrom("purchased_skus")] public string? PurchasedSkus { get; init; }
    [QueryParam, BindFrom("segment")] public string? Segment { get; init; }
    [QueryParam, BindFrom("score_min")] public double? ScoreMin { get; init; }
    [QueryParam, BindFrom("score_max")] public double? ScoreMax { get; init; }
    [HideFromDocs] public long? StaffId { get; init; }
    [HideFromDocs] public long? RepId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Sort).Must(s => string.IsNullOrEmpty(s) || SortColumns.ContainsKey(s))
                .WithMessage($"must be one of: {string.Join(", ", SortColumns.Keys)}");
            RuleFor(r => r.Dir).Must(d => string.IsNullOrEmpty(d) || d is "asc" or "desc").WithMessage("must be asc or desc");
            RuleFor(r => r.Status).Must(s => string.IsNullOrEmpty(s) || CallingList.Statuses.Contains(s))
                .WithMessage($"must be one of: {string.Join(", ", CallingList.Statuses)}");
            RuleFor(r => r.Segment).Must(s => string.IsNullOrEmpty(s) || CallingList.Segments.ContainsKey(s))
                .WithMessage($"must be one of: {string.Join(", ", CallingList.Segments.Keys)}");
            RuleFor(r => r.Assignee).Must(a => string.IsNullOrEmpty(a) || a is "me" or "unassigned" || long.TryParse(a, out var id) && id > 0)
                .WithMessage("must be a staff id, me or unassigned");
            RuleFor(r => r.Page).InclusiveBetween(1, 100_000);
            RuleFor(r => r.PerPage).InclusiveBetween(1, 200);
            RuleFor(r => r.Q).MaximumLength(200);
            RuleFor(r => r.PurchasedSkus).MaximumLength(2000);
            RuleFor(r => r.ScoreMin).InclusiveBetween(0, 100);
            RuleFor(r => r.ScoreMax).InclusiveBetween(0, 100);
            RuleFor(r => r.ScoreMax).GreaterThanOrEqualTo(r => r.ScoreMin ?? 0).When(r => r.ScoreMax is not null && r.ScoreMin is not null)
                .WithMessage("must not be below score_min");
        }
    }
}

sealed record Response(IReadOnlyList<Entry> Entries, int Total, int Page, int PerPage, int Pages, string Segment);
