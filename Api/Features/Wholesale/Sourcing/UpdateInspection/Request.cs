using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.UpdateInspection;

/// <summary>Only the fields sent are written (null keeps; "" clears a text); defects and images, when sent, replace the lists.</summary>
sealed record Request : InspectionFields, IRequest<ErrorOr<Response>>
{
    [BindFrom("iid")] public long Iid { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator() => Include(new InspectionRules());
    }
}

sealed record Response(bool Success, QcRow QcInspection);
