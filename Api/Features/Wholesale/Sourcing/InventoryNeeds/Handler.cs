using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Microsoft.Extensions.Options;

namespace Api.Features.Wholesale.Sourcing.InventoryNeeds;

sealed class Handler(AppDb db, IOptions<SourcingOptions> options) : IRequestHandler<Request, ErrorOr<List<Need>>>
{
    static readonly string NeedsSql = Sql.Load<Handler>("InventoryNeeds.sql");
    const string ProductSql = "select id from wholesale.products where id = @ProductId and deleted_at is null";

    public async ValueTask<ErrorOr<List<Need>>> Handle(Request req, CancellationToken ct)
    {
        if (req.ProductId is { } pid && await db.QueryToListAsync<long>(ProductSql, new { ProductId = pid }, ct) is not [_])
            return Error.NotFound("Product.NotFound", "Product not found");
        var o = options.Value;
        return await db.QueryToListAsync<Need>(NeedsSql, new
        {
            req.ProductId, WindowDays = o.SalesWindowDays, DefaultLead = o.DefaultLeadTimeDays, o.SafetyDays, o.CoverDays, Limit = req.Limit ?? 500,
        }, ct);
    }
}
