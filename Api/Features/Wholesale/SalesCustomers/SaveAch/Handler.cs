using Api.Infrastructure.Database;
using Api.Infrastructure.Security;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.SalesCustomers.SaveAch;

sealed class Handler(AppDb db, SecretBox box) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        var exists = await db.QueryToListAsync<long>("select id from wholesale.customers where id = @CustomerId and deleted_at is null for no key update",
            new { req.CustomerId }, ct);
        if (exists.Count == 0) return Error.NotFound("Customer.NotFound", "Customer not found");
        var a = await AchOnFile.SaveAsync(db, box, req.CustomerId, req.Caller.Id, req.BankName, req.AccountName, req.RoutingNumber!,
            req.AccountNumber!, req.AccountType, ct);
        await tx.CommitAsync(ct);
        return new Response
        {
            CustomerId = a.CustomerId, HasAch = true, AchBankName = a.AchBankName, AchAccountName = a.AchAccountName,
            AchRoutingNumber = a.AchRoutingNumber, AchAccountNumberMasked = a.AchAccountNumberMasked, AchAccountType = a.AchAccountType,
            AchAuthorizedAt = a.AchAuthorizedAt, AchAuthorizedBy = a.AchAuthorizedBy,
        };
    }
}
