using Api.Features.Wholesale.Catalog.Editing;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Npgsql;

namespace Api.Features.Wholesale.Catalog.V1BulkUpdate;

/// <summary>
/// Items are applied in order in one transaction, each inside its own savepoint: a failing item is rolled back to its
/// savepoint and reported, and the others stay applied. One commit at the end (1,000 items cost one transaction, not 1,000).
/// </summary>
sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var by = Caller.From(http.HttpContext!.User);
        var editor = new ProductEditor(db);
        List<Updated> updated = []; List<Skipped> skipped = []; List<Failed> failed = [];
        await using var tx = await db.BeginTransactionAsync(ct);
        for (var i = 0; i < req.Products!.Count; i++)
        {
            var item = req.Products[i];
            var sku = item.Sku?.Trim();
            item.Given.Remove("sku");   // the SKU names the product here; it is never an update
            if (item.Id is null && string.IsNullOrEmpty(sku)) { failed.Add(new(i, null, null, "id or sku is required", null)); continue; }
            if (item.Problems() is { Count: > 0 } problems)
            {
                failed.Add(new(i, item.Id, sku, "Validation failed", problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.First().Message)));
                continue;
            }
            var product = item.Id is { } id ? await editor.FindAsync(id, ct) : await editor.FindBySkuAsync(sku!, ct);
            if (product is null) { failed.Add(new(i, item.Id, sku, "Product not found", null)); continue; }
            if (item.Given.Count == 0) { skipped.Add(new(i, product.Id, product.Sku, "No fields to update")); continue; }

            await db.ExecuteAsync("savepoint bulk_item", ct);
            ErrorOr<ProductView> result;
            try { result = await editor.ApplyAsync(product.Id, item, by, "POST /api/v1/products/bulk-update", ct); }
            catch (PostgresException) { result = Error.Failure("REFUSED", "The database refused this change"); }
            if (result.IsError)
            {
                await db.ExecuteAsync("rollback to savepoint bulk_item", ct);
                var first = result.FirstError;
                failed.Add(new(i, product.Id, product.Sku, first.Description,
                    first.Type == ErrorType.Validation ? new() { [first.Code] = first.Description } : null));
            }
            else
            {
                await db.ExecuteAsync("release savepoint bulk_item", ct);
                updated.Add(new(i, result.Value.Id, result.Value.Sku));
            }
        }
        await tx.CommitAsync(ct);
        return new Response(failed.Count == 0, updated.Count, skipped.Count, failed.Count, updated, skipped, failed);
    }
}
