using Api.Features.Wholesale.Catalog.Editing;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Npgsql;

namespace Api.Features.Wholesale.Admin.CreateProduct;

sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string InsertSql = Sql.Load<Handler>("CreateProduct.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var sku = req.Sku!.Trim();
        var inStock = req.StockQuantity is { } q ? q > 0 : req.InStock ?? true;
        await using var tx = await db.BeginTransactionAsync(ct);
        List<Response> rows;
        try
        {
            rows = await db.QueryToListAsync<Response>(InsertSql, new
            {
                Sku = sku, Name = req.Name!.Trim(), Description = Opt(req.Description), req.CategoryId, Brand = Opt(req.Brand),
                UnitSize = Opt(req.UnitSize), req.UnitPrice, req.BulkPrice, req.BulkQuantity, req.StockQuantity, InStock = inStock,
                ImageUrl = Opt(req.ImageUrl),
            }, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return Error.Conflict("SKU_TAKEN", $"SKU '{sku}' is already used by another product");
        }
        if (rows is not [var created]) return Error.Validation("category_id", "No such category");
        if (req.StockQuantity is { } stock)
            await new ProductEditor(db).RecordAsync(created.Id, null, stock, Caller.From(http.HttpContext!.User), "POST /api/admin/products", ct);
        await tx.CommitAsync(ct);
        return created;
    }

    static string? Opt(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
