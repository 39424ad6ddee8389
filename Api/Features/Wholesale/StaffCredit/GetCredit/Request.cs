using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffCredit.GetCredit;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("user_id")] public long UserId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.UserId).GreaterThan(0);
    }
}

sealed record Response(long UserId, string? Username, string? CompanyName, decimal CreditBalance, List<StoreCredit.Entry> History);
