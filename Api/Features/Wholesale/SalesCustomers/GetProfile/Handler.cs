using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.SalesCustomers.GetProfile;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<ProfileView>>
{
    public async ValueTask<ErrorOr<ProfileView>> Handle(Request req, CancellationToken ct) =>
        await ProfileView.LoadAsync(db, req.CustomerId, null, ct) is { } p ? p : Error.NotFound("Customer.NotFound", "Customer not found");
}
