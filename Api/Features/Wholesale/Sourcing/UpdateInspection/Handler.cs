using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.UpdateInspection;

sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    const string LockSql = """
        select shipment_id as "ShipmentId", supplier_id as "SupplierId", product_id as "ProductId", product_name as "ProductName"
        from wholesale.qc_inspections where id = @Iid for update
        """;
    static readonly string UpdateSql = Sql.Load<Handler>("UpdateInspection.sql");
    static readonly string ReadSql = QcRow.Select + "\nand q.id = @Iid";

    sealed class Current { public long? ShipmentId { get; init; } public long? SupplierId { get; init; } public long? ProductId { get; init; } public string? ProductName { get; init; } }

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var caller = Caller.From(http.HttpContext!.User);
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await db.QueryToListAsync<Current>(LockSql, new { req.Iid }, ct) is not [var cur])
            return Error.NotFound("QcInspection.NotFound", "QC inspection not found");
        var shipmentId = req.ShipmentId ?? cur.ShipmentId;
        // a new shipment brings its supplier unless one is sent; otherwise the stored supplier must still match
        var supplierId = req.SupplierId ?? (req.ShipmentId is not null && req.ShipmentId != cur.ShipmentId ? null : cur.SupplierId);
        var productChanged = req.ProductId is not null && req.ProductId != cur.ProductId;
        var links = await Inspections.CheckLinksAsync(db, shipmentId, supplierId, req.ProductId ?? cur.ProductId,
            req.ProductName is not null ? Rules.Opt(req.ProductName) : productChanged ? null : cur.ProductName, ct);
        if (links.IsError) return links.Errors;
        await db.ExecuteAsync(UpdateSql, new
        {
            req.Iid, ShipmentId = shipmentId, links.Value.SupplierId, ProductId = req.ProductId ?? cur.ProductId, links.Value.ProductName,
            InspectionDate = req.InspectionDate is null ? null : Rules.ParseDate(req.InspectionDate)?.ToString("yyyy-MM-dd") ?? "",
            Inspector = Rules.Clean(req.Inspector), req.Result, Notes = Rules.Clean(req.Notes),
            Defects = Rules.Json(req.Defects?.Select(d => d.Stored())), Images = Rules.Json(req.Images?.Select(i => i.Trim())),
        }, ct);
        await Inspections.FlagShipmentsAsync(db, req.Iid, [cur.ShipmentId, shipmentId], caller.Label, caller.Id, ct);
        var row = (await db.QueryToListAsync<QcRow>(ReadSql, new { req.Iid }, ct)).Single();
        await tx.CommitAsync(ct);
        return new Response(true, row);
    }
}
