using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffCustomers.Merge;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public long? KeepId { get; init; }
    public long? MergeId { get; init; }
    public Chosen? Chosen { get; init; }
    [HideFromDocs] public long StaffId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.KeepId).NotNull().GreaterThan(0);
            RuleFor(r => r.MergeId).NotNull().GreaterThan(0).NotEqual(r => r.KeepId).WithMessage("merge_id must differ from keep_id");
            RuleFor(r => r.Chosen!.Email).EmailAddress().MaximumLength(254).When(r => r.Chosen?.Email is { Length: > 0 }).WithName("chosen.email");
            RuleFor(r => r.Chosen!.FirstName).MaximumLength(100).When(r => r.Chosen is not null).WithName("chosen.first_name");
            RuleFor(r => r.Chosen!.LastName).MaximumLength(100).When(r => r.Chosen is not null).WithName("chosen.last_name");
            RuleFor(r => r.Chosen!.CompanyName).MaximumLength(200).When(r => r.Chosen is not null).WithName("chosen.company_name");
        }
    }
}

/// <summary>Values for the kept customer; an absent field keeps the kept customer's value.</summary>
sealed record Chosen(string? FirstName, string? LastName, string? CompanyName, string? Email);

sealed record Response(bool Success, long KeptId, long MergedId, long OrdersMoved, long CombinedOrderCount, decimal CombinedTotalSpent,
    CustomerView KeptCustomer);
