using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffAuth.ForgotPassword;

sealed record Request : IRequest<ErrorOr<Response>>
{
    /// <summary>Username or email.</summary>
    public string Identifier { get; init; } = "";

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Identifier).NotEmpty().MaximumLength(254);
    }
}

sealed record Response(string Message, bool EmailSent, string? DebugToken);
