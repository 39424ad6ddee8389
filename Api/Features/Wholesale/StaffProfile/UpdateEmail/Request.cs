using System.Text.Json.Serialization;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffProfile.UpdateEmail;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string? NewEmail { get; init; }
    [JsonIgnore, HideFromDocs] public long StaffId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.NewEmail).NotEmpty().MaximumLength(254).EmailAddress();
    }
}

sealed record Response(bool Success, string Email);
