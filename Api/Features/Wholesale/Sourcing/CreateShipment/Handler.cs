using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.CreateShipment;

sealed class Handler(AppDb db, IHttpContextAccessor http, BusinessClock clock) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string CheckSql = Sql.Load<Handler>("CheckLinks.sql");
    static readonly string InsertSql = Sql.Load<Handler>("CreateShipment.sql");
    static readonly string ReadSql = ShipmentRow.Select + "\nand h.id = @Id";

    sealed class Links { public bool SupplierOk { get; init; } public bool RfqOk { get; init; } public long[] MissingProducts { get; init; } = []; }

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var caller = Caller.From(http.HttpContext!.User);
        var lines = ShipmentItems.ProductLines(req.Items);
        await using var tx = await db.BeginTransactionAsync(ct);
        var links = (await db.QueryToListAsync<Links>(CheckSql, new { req.SupplierId, req.RfqId, Lines = lines }, ct)).Single();
        var errors = new List<Error>();
        if (!links.SupplierOk) errors.Add(Error.Validation("supplier_id", $"Supplier {req.SupplierId} does not exist"));
        if (!links.RfqOk) errors.Add(Error.Validation("rfq_id", $"RFQ {req.RfqId} does not exist"));
        if (links.MissingProducts.Length > 0) errors.Add(Error.Validation("items", $"Unknown product_id: {string.Join(", ", links.MissingProducts)}"));
        if (errors.Count > 0) return errors;

        var id = await db.ExecuteAsync<long>(InsertSql, new
        {
            Year = clock.Today.Year, req.SupplierId, req.RfqId, TrackingNumber = Rules.Opt(req.TrackingNumber), Carrier = Rules.Opt(req.Carrier),
            Status = req.Status ?? "production", Origin = Rules.Opt(req.Origin), Destination = Rules.Opt(req.Destination) ?? "Chicago warehouse",
            Eta = Rules.ParseDate(req.Eta)?.ToString("yyyy-MM-dd"), Items = Rules.Json(req.Items) ?? "[]", Documents = Rules.Json(req.Documents) ?? "[]",
            req.TotalCost, Currency = (req.Currency ?? "USD").ToUpperInvariant(), Notes = Rules.Opt(req.Notes), StaffId = caller.Id,
            Actor = caller.Label, Lines = lines,
        }, ct);
        var row = (await db.QueryToListAsync<ShipmentRow>(ReadSql, new { Id = id }, ct)).Single();
        await tx.CommitAsync(ct);
        return new Response(true, row);
    }
}
