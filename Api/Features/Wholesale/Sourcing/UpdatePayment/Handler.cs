using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.UpdatePayment;

sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    const string LockSql = """
        select supplier_id as "SupplierId", rfq_id as "RfqId", shipment_id as "ShipmentId", status as "Status", payment_date::text as "PaymentDate"
        from wholesale.supplier_payments where id = @Pid for update
        """;
    static readonly string UpdateSql = Sql.Load<Handler>("UpdatePayment.sql");
    static readonly string ReadSql = PaymentRow.Select + "\nand p.id = @Pid";

    sealed class Current { public long SupplierId { get; init; } public long? RfqId { get; init; } public long? ShipmentId { get; init; } public string Status { get; init; } = ""; public string? PaymentDate { get; init; } }

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var caller = Caller.From(http.HttpContext!.User);
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await db.QueryToListAsync<Current>(LockSql, new { req.Pid }, ct) is not [var cur])
            return Error.NotFound("SupplierPayment.NotFound", "Supplier payment not found");
        var status = req.Status ?? cur.Status;
        if (status != cur.Status && !Rules.PaymentMoveAllowed(cur.Status, status))
            return Error.Conflict("SupplierPayment.InvalidTransition", $"A payment cannot move from {cur.Status} to {status}",
                new Dictionary<string, object> { ["current_status"] = cur.Status, ["requested_status"] = status });
        var date = req.PaymentDate is null ? cur.PaymentDate : Rules.ParseDate(req.PaymentDate)?.ToString("yyyy-MM-dd");
        if (status == "paid" && date is null) return Error.Validation("payment_date", "Required when status is paid");
        var supplierId = req.SupplierId ?? cur.SupplierId;
        if (await PaymentLinks.CheckAsync(db, supplierId, req.RfqId ?? cur.RfqId, req.ShipmentId ?? cur.ShipmentId, ct) is { Count: > 0 } errors)
            return errors;
        await db.ExecuteAsync(UpdateSql, new
        {
            req.Pid, SupplierId = supplierId, RfqId = req.RfqId ?? cur.RfqId, ShipmentId = req.ShipmentId ?? cur.ShipmentId, req.Amount,
            Currency = req.Currency?.ToUpperInvariant(), PaymentDate = date, Status = status, Notes = Rules.Clean(req.Notes), Actor = caller.Label,
        }, ct);
        var row = (await db.QueryToListAsync<PaymentRow>(ReadSql, new { req.Pid }, ct)).Single();
        await tx.CommitAsync(ct);
        return new Response(true, row);
    }
}
