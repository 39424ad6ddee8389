using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffCustomers.DeleteCustomer;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        var erased = await CustomerEraser.EraseAsync(db, [req.UserId], req.StaffId, ct);
        if (erased.IsError) return erased.Errors;
        await tx.CommitAsync(ct);
        return new Response(true, req.UserId);
    }
}
