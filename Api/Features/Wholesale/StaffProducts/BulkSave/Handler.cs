using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Npgsql;

namespace Api.Features.Wholesale.StaffProducts.BulkSave;

/// <summary>
/// Items apply in order in one transaction, each inside its own savepoint: a failing product is rolled back to its savepoint
/// (it stays exactly as it was) and reported; the others stay saved. One commit at the end.
/// </summary>
sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var editor = new StaffProductEditor(db, http.HttpContext!);
        List<StaffProduct> saved = []; List<Failed> failed = [];
        await using var tx = await db.BeginTransactionAsync(ct);
        for (var i = 0; i < req.Products!.Count; i++)
        {
            var item = req.Products[i];
            if (item.Id is not { } id || id < 1) { failed.Add(new(i, item.Id, "id is required", "VALIDATION_ERROR", new() { ["id"] = "Required" })); continue; }
            if (item.Problems() is { Count: > 0 } problems)
            {
                failed.Add(new(i, id, "Validation failed", "VALIDATION_ERROR", problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.First().Message)));
                continue;
            }
            if (item.Given.Count == 0) { failed.Add(new(i, id, "No fields to save", "VALIDATION_ERROR", new() { ["body"] = "Send at least one field to change" })); continue; }

            await db.ExecuteAsync("savepoint bulk_item", ct);
            ErrorOr<StaffProduct> result;
            try { result = await editor.ApplyAsync(id, item, "POST /api/staff/products/bulk-save", ct); }
            catch (PostgresException) { result = Error.Failure("REFUSED", "The database refused this change"); }
            if (result.IsError)
            {
                await db.ExecuteAsync("rollback to savepoint bulk_item", ct);
                var first = result.FirstError;
                failed.Add(new(i, id, first.Description, first.Type == ErrorType.Validation ? "VALIDATION_ERROR" : first.Code,
                    first.Type == ErrorType.Validation ? new() { [first.Code] = first.Description } : null));
            }
            else
            {
                await db.ExecuteAsync("release savepoint bulk_item", ct);
                saved.Add(result.Value);
            }
        }
        await tx.CommitAsync(ct);
        return new Response(failed.Count == 0, saved.Count, failed, saved);
    }
}
