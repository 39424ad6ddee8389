using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Bills.ListBills;

/// <summary>Beyond the document: optional <c>?limit</c> (default 200, at most 500) and <c>?offset</c>.</summary>
sealed record Request : IRequest<ErrorOr<List<BillRow>>>
{
    [QueryParam] public int? Limit { get; init; }
    [QueryParam] public int? Offset { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Limit).InclusiveBetween(1, 500);
            RuleFor(r => r.Offset).GreaterThanOrEqualTo(0);
        }
    }
}
