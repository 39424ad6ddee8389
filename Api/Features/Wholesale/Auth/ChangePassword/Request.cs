using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Auth.ChangePassword;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string CurrentPassword { get; init; } = "";
    public string NewPassword { get; init; } = "";
    [JsonIgnore] public long CustomerId { get; init; }
    [JsonIgnore] public long SessionId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.CurrentPassword).NotEmpty().MaximumLength(Passwords.MaxLength);
            RuleFor(r => r.NewPassword).NotEmpty().MinimumLength(Passwords.MinLength).WithMessage(Passwords.TooShort).MaximumLength(Passwords.MaxLength);
        }
    }
}

sealed record Response(string Message);
