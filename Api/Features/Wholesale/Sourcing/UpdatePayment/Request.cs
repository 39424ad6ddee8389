using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.UpdatePayment;

/// <summary>Only the fields sent are written (null keeps; "" clears notes, rfq_id 0 / shipment_id 0 are not accepted).</summary>
sealed record Request : PaymentFields, IRequest<ErrorOr<Response>>
{
    [BindFrom("pid")] public long Pid { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator() => Include(new PaymentRules());
    }
}

sealed record Response(bool Success, PaymentRow SupplierPayment);
