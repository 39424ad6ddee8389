using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Utilities.StartChatSession;

sealed record Request : IRequest<ErrorOr<Response>>;

sealed record Response(bool Success, Guid SessionId);
