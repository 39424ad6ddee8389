using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Auth.ForgotPassword;

sealed record Request : IRequest<ErrorOr<Response>>
{
    /// <summary>Username or email.</summary>
    public string? Identifier { get; init; }
    /// <summary>Accepted in place of <see cref="Identifier"/> (the /api/auth route documents no body).</summary>
    public string? Email { get; init; }
    public string? Username { get; init; }

    [System.Text.Json.Serialization.JsonIgnore] public string Value => (Identifier ?? Email ?? Username ?? "").Trim();

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Value).NotEmpty().WithName("identifier").WithMessage("identifier is required").MaximumLength(254)
                .OverridePropertyName("identifier");
        }
    }
}

sealed record Response(string Message, bool EmailSent, string? DebugToken);
