using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.SalesCustomers.UpdateProfile;

/// <summary>Every field optional: only those sent change (an empty string clears an optional field).</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("customer_id")] public long CustomerId { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? CompanyName { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Phone2 { get; init; }
    public string? ShippingAddress { get; init; }
    public string? BillingAddress { get; init; }
    public string? PreferredLanguage { get; init; }
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.CustomerId).GreaterThan(0);
            RuleFor(r => r.FirstName).MaximumLength(100);
            RuleFor(r => r.LastName).MaximumLength(100);
            RuleFor(r => r.CompanyName).MaximumLength(200);
            RuleFor(r => r.Email).MaximumLength(254).EmailAddress().When(r => !string.IsNullOrWhiteSpace(r.Email));
            RuleFor(r => r.Phone).Must(p => Phones.ToE164(p) is not null).WithMessage("not a valid phone number").When(r => !string.IsNullOrWhiteSpace(r.Phone));
            RuleFor(r => r.Phone2).Must(p => Phones.ToE164(p) is not null).WithMessage("not a valid phone number").When(r => !string.IsNullOrWhiteSpace(r.Phone2));
            RuleFor(r => r.ShippingAddress).MaximumLength(500);
            RuleFor(r => r.BillingAddress).MaximumLength(500);
            RuleFor(r => r.PreferredLanguage).MaximumLength(20);
        }
    }
}

sealed class Response
{
    public bool Success { get; init; } = true;
    public long Id { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? FullName { get; init; }
    public string? CompanyName { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Phone2 { get; init; }
    public string? ShippingAddress { get; init; }
    public string? BillingAddress { get; init; }
    public string? PreferredLanguage { get; init; }
    public int UpdatedOrders { get; set; }
}
