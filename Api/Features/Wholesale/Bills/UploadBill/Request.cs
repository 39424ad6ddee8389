using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Bills.UploadBill;

/// <summary>multipart/form-data: <c>file</c> (required) and the documented fields.</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("file")] public IFormFile? File { get; init; }
    [BindFrom("restaurant_name")] public string? RestaurantName { get; init; }
    [BindFrom("restaurant_email")] public string? RestaurantEmail { get; init; }
    [BindFrom("restaurant_phone")] public string? RestaurantPhone { get; init; }
    [BindFrom("contact_name")] public string? ContactName { get; init; }
    [BindFrom("notes")] public string? Notes { get; init; }
    [BindFrom("supplier_name")] public string? SupplierName { get; init; }
    [HideFromDocs] public long? StaffId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.File).NotNull().WithMessage("a bill file is required");
            RuleFor(r => r.RestaurantName).NotEmpty().MaximumLength(200);
            RuleFor(r => r.RestaurantEmail).MaximumLength(254).EmailAddress().When(r => !string.IsNullOrEmpty(r.RestaurantEmail));
            RuleFor(r => r.RestaurantPhone).Must(p => Phones.ToE164(p) is not null).WithMessage("must be a valid phone number")
                .When(r => !string.IsNullOrEmpty(r.RestaurantPhone));
            RuleFor(r => r.ContactName).MaximumLength(200);
            RuleFor(r => r.Notes).MaximumLength(5000);
            RuleFor(r => r.SupplierName).MaximumLength(200);
        }
    }
}

sealed record Response(bool Success, BillRow Bill);
