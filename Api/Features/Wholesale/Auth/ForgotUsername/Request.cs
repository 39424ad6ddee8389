using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Auth.ForgotUsername;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string Email { get; init; } = "";

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Email).NotEmpty().MaximumLength(254);
    }
}

sealed record Response(string Message, bool EmailSent);
