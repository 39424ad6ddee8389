using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffAuth.ResetPassword;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string Token { get; init; } = "";
    public string Password { get; init; } = "";

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Token).NotEmpty().MaximumLength(200);
            RuleFor(r => r.Password).NotEmpty().MinimumLength(Passwords.MinLength).WithMessage(Passwords.TooShort).MaximumLength(Passwords.MaxLength);
        }
    }
}

sealed record Response(string Message);
