using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.ReorderImages;

sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string IdsSql = Sql.Load<Handler>("ImageIds.sql");
    static readonly string ReorderSql = Sql.Load<Handler>("Reorder.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var editor = new StaffProductEditor(db, http.HttpContext!);
        await using var tx = await db.BeginTransactionAsync(ct);
        if (!await editor.LockAsync(req.ProductId, ct)) return StaffProductEditor.NotFound;
        var ids = (await db.QueryToListAsync<long>(IdsSql, new { req.ProductId }, ct)).ToHashSet();
        var order = req.Order!;
        if (order.Count != ids.Count || !order.All(ids.Contains))
        {
            var unknown = order.Where(id => !ids.Contains(id)).ToList();
            var missing = ids.Where(id => !order.Contains(id)).OrderBy(id => id).ToList();
            var why = unknown.Count > 0 ? $"Not images of this product: {string.Join(", ", unknown)}" : "";
            if (missing.Count > 0) why += (why.Length > 0 ? "; " : "") + $"Missing image ids: {string.Join(", ", missing)}";
            return Error.Validation("order", $"Must hold exactly this product's image ids, each once. {why}");
        }
        await db.ExecuteAsync(ReorderSql, new { req.ProductId, Order = order.ToArray() }, ct);
        await editor.SyncPrimaryAsync(req.ProductId, ct);
        var product = (await editor.ViewAsync(req.ProductId, ct))!;
        await tx.CommitAsync(ct);
        return new Response(true, product);
    }
}
