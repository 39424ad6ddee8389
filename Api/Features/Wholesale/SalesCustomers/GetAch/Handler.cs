using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.SalesCustomers.GetAch;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<AchView>>
{
    public async ValueTask<ErrorOr<AchView>> Handle(Request req, CancellationToken ct) =>
        await AchOnFile.ReadAsync(db, req.CustomerId, ct) is { } ach ? ach : Error.NotFound("Customer.NotFound", "Customer not found");
}
