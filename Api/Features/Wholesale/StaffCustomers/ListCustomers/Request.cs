using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffCustomers.ListCustomers;

sealed record Request : IRequest<ErrorOr<Response>>
{
    /// <summary>The whitelisted sorts and the SQL each stands for (never the caller's text).</summary>
    public static readonly IReadOnlyDictionary<string, string> Sorts = new Dictionary<string, string>
    {
        ["created_at"] = "c.created_at", ["id"] = "c.id", ["first_name"] = "c.first_name", ["last_name"] = "c.last_name",
        ["company_name"] = "c.company_name", ["email"] = "c.email", ["username"] = "c.username",
    };

    [QueryParam] public int? Page { get; init; }
    [QueryParam, BindFrom("per_page")] public int? PerPage { get; init; }
    [QueryParam] public string? Search { get; init; }
    [QueryParam, BindFrom("sort_by")] public string? SortBy { get; init; }
    [QueryParam, BindFrom("sort_dir")] public string? SortDir { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Page).GreaterThanOrEqualTo(1);
            RuleFor(r => r.PerPage).InclusiveBetween(1, 200);
            RuleFor(r => r.Search).MaximumLength(200);
            RuleFor(r => r.SortBy).Must(s => s is null || Sorts.ContainsKey(s)).WithMessage("sort_by must be one of " + string.Join(", ", Sorts.Keys));
            RuleFor(r => r.SortDir).Must(s => s is null or "asc" or "desc").WithMessage("sort_dir must be asc or desc");
        }
    }
}

sealed record Response(List<CustomerView> Customers, long Total, int Page, int PerPage, long Pages);
