using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Utilities.SmsOptIn;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public bool? Consent { get; init; }
    [JsonIgnore] public string? Ip { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.FirstName).NotEmpty().MaximumLength(100);
            RuleFor(r => r.LastName).MaximumLength(100);
            RuleFor(r => r.Phone).NotEmpty().Must(p => Phones.ToE164(p) is not null).WithMessage("must be a valid phone number");
            RuleFor(r => r.Email).MaximumLength(254).EmailAddress().When(r => !string.IsNullOrEmpty(r.Email));
            RuleFor(r => r.Consent).Equal(true).WithMessage("consent is required to receive text messages");
        }
    }
}

sealed record Response(bool Success, string Message);
