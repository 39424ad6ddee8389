using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.SalesScoring.GetScore;

sealed record Request : IRequest<ErrorOr<ScoreView>>
{
    [BindFrom("customer_id")] public long CustomerId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.CustomerId).GreaterThan(0);
    }
}
