using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffUsers.ListUsers;

sealed record Request : IRequest<ErrorOr<object>>
{
    [QueryParam] public int? Page { get; init; }
    [QueryParam, BindFrom("per_page")] public int? PerPage { get; init; }
    [QueryParam] public string? Search { get; init; }
    [JsonIgnore, HideFromDocs] public bool Accounts { get; init; }
    [JsonIgnore, HideFromDocs] public Caller Caller { get; init; } = Caller.Anonymous;

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Page).GreaterThanOrEqualTo(1);
            RuleFor(r => r.PerPage).InclusiveBetween(1, 200);
            RuleFor(r => r.Search).MaximumLength(200);
        }
    }
}

sealed record AccountView(long Id, string? Username, string? Email, string? FirstName, string? LastName, string? CompanyName, string? Phone,
    bool EmailVerified, DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt);

sealed record AccountsResponse(List<AccountView> Users, long Total, int Page, int PerPage, long Pages);
