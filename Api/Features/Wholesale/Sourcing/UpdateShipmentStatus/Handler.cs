using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.UpdateShipmentStatus;

sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    const string LockSql = "select status from wholesale.sourcing_shipments where id = @Sid for update";
    static readonly string UpdateSql = Sql.Load<Handler>("UpdateShipmentStatus.sql");
    static readonly string ReadSql = ShipmentRow.Select + "\nand h.id = @Sid";

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var caller = Caller.From(http.HttpContext!.User);
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await db.QueryToListAsync<string>(LockSql, new { req.Sid }, ct) is not [var current])
            return Error.NotFound("Shipment.NotFound", "Shipment not found");
        var to = string.IsNullOrEmpty(req.Status) ? current : req.Status;
        if (to != current && !Rules.ShipmentMoveAllowed(current, to))
            return Error.Conflict("Shipment.InvalidTransition", $"A shipment cannot move from {current} to {to}",
                new Dictionary<string, object> { ["current_status"] = current, ["requested_status"] = to });
        var eventText = Rules.Opt(req.Event) ?? (to != current ? $"Status changed from {current} to {to}" : "Update");
        await db.ExecuteAsync(UpdateSql, new
        {
            req.Sid, From = current, To = to, TrackingNumber = Rules.Clean(req.TrackingNumber), Eta = Rules.ParseDate(req.Eta)?.ToString("yyyy-MM-dd"),
            Event = eventText, Notes = Rules.Opt(req.Notes), Location = Rules.Opt(req.Location), RecordedBy = Rules.Opt(req.RecordedBy) ?? caller.Label,
            StaffId = caller.Id, Actor = caller.Label,
        }, ct);
        var row = (await db.QueryToListAsync<ShipmentRow>(ReadSql, new { req.Sid }, ct)).Single();
        await tx.CommitAsync(ct);
        return new Response(true, row);
    }
}
