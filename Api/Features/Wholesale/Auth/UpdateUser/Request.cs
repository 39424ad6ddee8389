using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Auth.UpdateUser;

/// <summary>Only these fields are written; an absent (or null) field keeps its value, an empty string clears it (not email).</summary>
sealed record Request : IRequest<ErrorOr<UserResponse>>
{
    public long UserId { get; init; }
    [JsonIgnore] public long CallerId { get; init; }
    public string? Email { get; init; }
    public string? CompanyName { get; init; }
    public string? Phone { get; init; }
    public string? ShippingAddress { get; init; }
    public string? BillingAddress { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Email).NotEmpty().MaximumLength(254).EmailAddress().When(r => r.Email is not null);
            RuleFor(r => r.Phone).Must(p => p is null || p.Trim().Length == 0 || Phones.ToE164(p) is not null).WithMessage("Phone is not a valid phone number");
            RuleFor(r => r.CompanyName).MaximumLength(200);
            RuleFor(r => r.ShippingAddress).MaximumLength(500);
            RuleFor(r => r.BillingAddress).MaximumLength(500);
        }
    }
}
