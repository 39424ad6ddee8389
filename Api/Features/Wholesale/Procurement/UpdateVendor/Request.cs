using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Procurement.UpdateVendor;

/// <summary>Only the fields sent are written: left out or null keeps the value, "" clears it (not the name).</summary>
sealed record Request : IRequest<ErrorOr<VendorRow>>
{
    [BindFrom("vendor_id")] public long VendorId { get; init; }
    public string? Name { get; init; }
    public string? Website { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? ContactName { get; init; }
    public string? Address { get; init; }
    public string? Notes { get; init; }
    public bool? Active { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Name).Must(n => n is null || !string.IsNullOrWhiteSpace(n)).WithMessage("Must not be empty").Text(200);
            RuleFor(r => r.Website).Text(500);
            RuleFor(r => r.Phone).Text(50);
            RuleFor(r => r.Email).OptionalEmail();
            RuleFor(r => r.ContactName).Text(200);
            RuleFor(r => r.Address).Text(1000);
            RuleFor(r => r.Notes).Text(5000);
        }
    }
}
