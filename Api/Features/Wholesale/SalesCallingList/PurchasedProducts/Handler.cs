using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.PurchasedProducts;

/// <summary>Every SKU ever bought on a live, non-cancelled order, with how many orders had it (most bought first, at most 1,000).</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ListSql = Sql.Load<Handler>("PurchasedProducts.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct) =>
        new Response(await db.QueryToListAsync<Product>(ListSql, ct));
}
