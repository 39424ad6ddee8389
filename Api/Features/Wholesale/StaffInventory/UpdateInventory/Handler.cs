using Api.Features.Wholesale.StaffProducts;
using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffInventory.UpdateInventory;

/// <summary>
/// Through the staff product editor: the row is locked, in_stock follows a tracked stock_quantity (in_stock false sets it
/// to 0; in_stock true with none on hand is 409 NO_STOCK), and every change of tracked stock is a ledger row.
/// </summary>
sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var why = string.IsNullOrWhiteSpace(req.Note) ? "PUT /api/staff/inventory" : req.Note.Trim();
        await using var tx = await db.BeginTransactionAsync(ct);
        var result = await new StaffProductEditor(db, http.HttpContext!).ApplyAsync(req.ProductId, req.Patch, why, ct);
        if (result.IsError) return result.Errors;
        await tx.CommitAsync(ct);
        var p = result.Value;
        return new Response(true, new Product(p.Id, p.Name, p.Sku, p.Brand, p.UnitSize, p.InStock, p.UnitPrice, p.BulkPrice, p.StockQuantity));
    }
}
