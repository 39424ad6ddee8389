using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.AwardRfq;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("rfq_id")] public long RfqId { get; init; }
    public long? SupplierId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.SupplierId).NotNull().WithMessage("Required").GreaterThan(0).WithMessage("Must be a supplier id");
    }
}

sealed record Response(bool Success, RfqRow Rfq);
