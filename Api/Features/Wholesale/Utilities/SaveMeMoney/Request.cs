using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Utilities.SaveMeMoney;

/// <summary>multipart/form-data (or a form without the file): the documented fields and an optional <c>invoice</c>.</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("name")] public string? Name { get; init; }
    [BindFrom("restaurant_name")] public string? RestaurantName { get; init; }
    [BindFrom("address")] public string? Address { get; init; }
    [BindFrom("city")] public string? City { get; init; }
    [BindFrom("state")] public string? State { get; init; }
    [BindFrom("phone")] public string? Phone { get; init; }
    [BindFrom("email")] public string? Email { get; init; }
    [BindFrom("rd_customer_number")] public string? RdCustomerNumber { get; init; }
    [BindFrom("invoice")] public IFormFile? Invoice { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
            RuleFor(r => r.RestaurantName).NotEmpty().MaximumLength(200);
            RuleFor(r => r.Address).NotEmpty().MaximumLength(300);
            RuleFor(r => r.City).NotEmpty().MaximumLength(100);
            RuleFor(r => r.State).NotEmpty().MaximumLength(50);
            RuleFor(r => r.Phone).NotEmpty().Must(p => Phones.ToE164(p) is not null).WithMessage("must be a valid phone number");
            RuleFor(r => r.Email).NotEmpty().MaximumLength(254).EmailAddress();
            RuleFor(r => r.RdCustomerNumber).MaximumLength(50);
        }
    }
}

/// <summary>The document's <c>success, message</c>; <c>bill_id</c> (beyond it) when an invoice was attached.</summary>
sealed record Response(bool Success, string Message, long? BillId);
