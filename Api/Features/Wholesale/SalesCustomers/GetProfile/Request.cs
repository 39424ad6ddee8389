using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.SalesCustomers.GetProfile;

sealed record Request : IRequest<ErrorOr<ProfileView>>
{
    [BindFrom("customer_id")] public long CustomerId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.CustomerId).GreaterThan(0);
    }
}
