using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.CreatePayment;

sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string InsertSql = Sql.Load<Handler>("CreatePayment.sql");
    static readonly string ReadSql = PaymentRow.Select + "\nand p.id = @Id";

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var caller = Caller.From(http.HttpContext!.User);
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await PaymentLinks.CheckAsync(db, req.SupplierId!.Value, req.RfqId, req.ShipmentId, ct) is { Count: > 0 } errors) return errors;
        var id = await db.ExecuteAsync<long>(InsertSql, new
        {
            req.SupplierId, req.RfqId, req.ShipmentId, req.Amount, Currency = (req.Currency ?? "USD").ToUpperInvariant(),
            PaymentDate = Rules.ParseDate(req.PaymentDate)?.ToString("yyyy-MM-dd"), Status = req.Status ?? "pending", Notes = Rules.Opt(req.Notes),
            StaffId = caller.Id, Actor = caller.Label,
        }, ct);
        var row = (await db.QueryToListAsync<PaymentRow>(ReadSql, new { Id = id }, ct)).Single();
        await tx.CommitAsync(ct);
        return new Response(true, row);
    }
}
