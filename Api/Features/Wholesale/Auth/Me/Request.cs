using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Auth.Me;

sealed record Request(long CustomerId) : IRequest<ErrorOr<UserResponse>>;
