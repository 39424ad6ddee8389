using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffAuth.Login;

sealed record Request : IRequest<ErrorOr<Outcome>>
{
    /// <summary>The username, or the staff user's email address.</summary>
    public string Username { get; init; } = "";
    public string Password { get; init; } = "";

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Username).NotEmpty().MaximumLength(254);
            RuleFor(r => r.Password).NotEmpty().MaximumLength(Common.Passwords.MaxLength);
        }
    }
}

sealed record Response(bool Success, StaffView Staff, string Token);

sealed record Outcome(Response Body, string Token, DateTimeOffset Expires);
