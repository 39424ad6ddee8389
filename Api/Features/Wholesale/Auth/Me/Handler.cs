using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Auth.Me;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<UserResponse>>
{
    public async ValueTask<ErrorOr<UserResponse>> Handle(Request req, CancellationToken ct) =>
        await UserView.LoadAsync(db, req.CustomerId, ct) is { } user
            ? new UserResponse(user)
            : Error.Unauthorized("Auth.NoAccount", "Authentication required");
}
