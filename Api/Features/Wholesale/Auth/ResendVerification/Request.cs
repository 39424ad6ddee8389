using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Auth.ResendVerification;

sealed record Request(long CustomerId) : IRequest<ErrorOr<Response>>;

sealed record Response(string Message, bool EmailSent);
