using Mediator;

namespace Api.Features.Wholesale.Auth.VerifyEmail;

/// <summary>Answers the redirect location.</summary>
sealed record Request : IRequest<string>
{
    public string Token { get; init; } = "";
}
