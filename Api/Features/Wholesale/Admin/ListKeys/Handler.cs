using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Admin.ListKeys;

sealed class Handler(AppDb db, WholesaleKeyUsage usage) : IRequestHandler<Request, ErrorOr<List<KeyView>>>
{
    public async ValueTask<ErrorOr<List<KeyView>>> Handle(Request req, CancellationToken ct)
    {
        await usage.FlushAsync(ct);   // exact counters for the admin view
        return await KeyView.ListAsync(db, ct);
    }
}
