using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffAuth.Logout;

/// <summary>The token the request presented, if any.</summary>
sealed record Request(string? Token) : IRequest<ErrorOr<Response>>;

sealed record Response(bool Success);
