using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Auth.PhoneResetPassword;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string PhoneSessionToken { get; init; } = "";
    public string Password { get; init; } = "";

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.PhoneSessionToken).NotEmpty().MaximumLength(200);
            RuleFor(r => r.Password).NotEmpty().MinimumLength(Passwords.MinLength).WithMessage(Passwords.TooShort).MaximumLength(Passwords.MaxLength);
        }
    }
}

sealed record Response(string Message);
