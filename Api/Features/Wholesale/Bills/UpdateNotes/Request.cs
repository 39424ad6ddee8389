using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Bills.UpdateNotes;

/// <summary>Only the fields sent are written: a field left out (or null) keeps its value, an empty string clears it.</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("bill_id")] public long BillId { get; init; }
    public string? Notes { get; init; }
    public string? RestaurantEmail { get; init; }
    public string? RestaurantPhone { get; init; }
    public string? ContactName { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Notes).MaximumLength(5000);
            RuleFor(r => r.RestaurantEmail).MaximumLength(254).EmailAddress().When(r => !string.IsNullOrEmpty(r.RestaurantEmail));
            RuleFor(r => r.RestaurantPhone).Must(p => Phones.ToE164(p) is not null).WithMessage("must be a valid phone number")
                .When(r => !string.IsNullOrEmpty(r.RestaurantPhone));
            RuleFor(r => r.ContactName).MaximumLength(200);
        }
    }
}

sealed record Response(bool Success);
