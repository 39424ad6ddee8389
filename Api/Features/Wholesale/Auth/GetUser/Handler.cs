using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Auth.GetUser;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<UserResponse>>
{
    public async ValueTask<ErrorOr<UserResponse>> Handle(Request req, CancellationToken ct) =>
        req.UserId == req.CallerId && await UserView.LoadAsync(db, req.UserId, ct) is { } user
            ? new UserResponse(user)
            : Error.NotFound("User.NotFound", "User not found");
}
