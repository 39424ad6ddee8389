using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffCredit.IssueCredit;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("user_id")] public long UserId { get; init; }
    public decimal? Amount { get; init; }
    public string? Note { get; init; }
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.UserId).GreaterThan(0);
            RuleFor(r => r.Amount).NotNull().NotEqual(0m).WithMessage("must not be zero").InclusiveBetween(-1_000_000m, 1_000_000m)
                .Must(a => Money.HasAtMostTwoDecimals(a)).WithMessage(Money.TwoDecimalsMessage);
            RuleFor(r => r.Note).MaximumLength(1000);
        }
    }
}

sealed record Response(bool Success, decimal CreditBalance, StoreCredit.Entry Transaction);
