using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.CreatePayment;

/// <summary>supplier_id and a positive amount are required; currency defaults to USD, status to pending; paid needs a payment_date.</summary>
sealed record Request : PaymentFields, IRequest<ErrorOr<Response>>
{
    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            Include(new PaymentRules());
            RuleFor(r => r.SupplierId).NotNull().WithMessage("Required");
            RuleFor(r => r.Amount).NotNull().WithMessage("Required");
            RuleFor(r => r.Status).Must(s => s is null or "pending" or "scheduled" or "paid").WithMessage("A new payment is pending, scheduled or paid");
            RuleFor(r => r.PaymentDate).Must((r, d) => r.Status != "paid" || !string.IsNullOrWhiteSpace(d)).WithMessage("Required when status is paid");
        }
    }
}

sealed record Response(bool Success, PaymentRow SupplierPayment);
