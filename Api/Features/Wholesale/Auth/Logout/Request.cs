using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Auth.Logout;

/// <summary>The caller's session (from the cookie the scheme resolved).</summary>
sealed record Request(long SessionId) : IRequest<ErrorOr<Response>>;

sealed record Response(string Message);
