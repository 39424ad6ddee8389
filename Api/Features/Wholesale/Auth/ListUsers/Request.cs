using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Auth.ListUsers;

sealed record Request(long CustomerId) : IRequest<ErrorOr<UserResponse>>;
