using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.CreateInspection;

/// <summary>result defaults to pending; the supplier defaults to the shipment's.</summary>
sealed record Request : InspectionFields, IRequest<ErrorOr<Response>>
{
    sealed class Validator : Validator<Request>
    {
        public Validator() => Include(new InspectionRules());
    }
}

sealed record Response(bool Success, QcRow QcInspection);
