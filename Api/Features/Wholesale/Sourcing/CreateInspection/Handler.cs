using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.CreateInspection;

sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string InsertSql = Sql.Load<Handler>("CreateInspection.sql");
    static readonly string ReadSql = QcRow.Select + "\nand q.id = @Id";

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var caller = Caller.From(http.HttpContext!.User);
        await using var tx = await db.BeginTransactionAsync(ct);
        var links = await Inspections.CheckLinksAsync(db, req.ShipmentId, req.SupplierId, req.ProductId, Rules.Opt(req.ProductName), ct);
        if (links.IsError) return links.Errors;
        var id = await db.ExecuteAsync<long>(InsertSql, new
        {
            req.ShipmentId, links.Value.SupplierId, req.ProductId, links.Value.ProductName,
            InspectionDate = Rules.ParseDate(req.InspectionDate)?.ToString("yyyy-MM-dd"), Inspector = Rules.Opt(req.Inspector),
            Result = req.Result ?? "pending", Notes = Rules.Opt(req.Notes),
            Defects = Rules.Json(req.Defects?.Select(d => d.Stored())) ?? "[]", Images = Rules.Json(req.Images?.Select(i => i.Trim())) ?? "[]",
            StaffId = caller.Id,
        }, ct);
        await Inspections.FlagShipmentsAsync(db, id, [req.ShipmentId], caller.Label, caller.Id, ct);
        var row = (await db.QueryToListAsync<QcRow>(ReadSql, new { Id = id }, ct)).Single();
        await tx.CommitAsync(ct);
        return new Response(true, row);
    }
}
