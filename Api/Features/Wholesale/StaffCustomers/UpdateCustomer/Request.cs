using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffCustomers.UpdateCustomer;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public long UserId { get; init; }
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public string? CompanyName { get; init; }
    public string? Phone { get; init; }
    public string? Phone2 { get; init; }
    public string? ShippingAddress { get; init; }
    public string? BillingAddress { get; init; }
    public string? PreferredLanguage { get; init; }
    public bool? DoNotCall { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Email).NotEmpty().MaximumLength(254).EmailAddress().When(r => r.Email is not null);
            RuleFor(r => r.Phone).Must(p => p is null || p.Trim().Length == 0 || Phones.ToE164(p) is not null).WithMessage("Phone is not a valid phone number");
            RuleFor(r => r.Phone2).Must(p => p is null || p.Trim().Length == 0 || Phones.ToE164(p) is not null).WithMessage("Phone2 is not a valid phone number");
            RuleFor(r => r.FirstName).MaximumLength(100);
            RuleFor(r => r.LastName).MaximumLength(100);
            RuleFor(r => r.CompanyName).MaximumLength(200);
            RuleFor(r => r.ShippingAddress).MaximumLength(500);
            RuleFor(r => r.BillingAddress).MaximumLength(500);
            RuleFor(r => r.PreferredLanguage).Matches("^[a-z]{2}(-[A-Z]{2})?$").When(r => r.PreferredLanguage is { Length: > 0 })
                .WithMessage("preferred_language must be a language code such as en or es");
        }
    }
}

sealed record Response(bool Success, long Id, string? Username, string? FirstName, string? LastName, string? Email, string? CompanyName,
    string? Phone, string? Phone2, string? ShippingAddress, string? BillingAddress, string PreferredLanguage, bool DoNotCall);
