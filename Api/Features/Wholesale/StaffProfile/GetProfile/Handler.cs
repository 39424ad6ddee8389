using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffProfile.GetProfile;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<ProfileView>>
{
    public async ValueTask<ErrorOr<ProfileView>> Handle(Request req, CancellationToken ct) =>
        await ProfileView.LoadAsync(db, req.StaffId, ct) is { } p ? p : Error.Unauthorized("Auth.NoAccount", "Authentication required");
}
