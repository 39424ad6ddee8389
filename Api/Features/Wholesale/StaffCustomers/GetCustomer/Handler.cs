using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffCustomers.GetCustomer;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<CustomerView>>
{
    public async ValueTask<ErrorOr<CustomerView>> Handle(Request req, CancellationToken ct) =>
        await CustomerView.LoadAsync(db, req.UserId, ct) is { } c ? c : Error.NotFound("Customer.NotFound", "Customer not found");
}
