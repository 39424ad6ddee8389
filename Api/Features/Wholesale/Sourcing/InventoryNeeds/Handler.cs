using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Microsoft.Extensions.Options;

namespace Api.Features.Wholesale.Sourcing.InventoryNeeds;

sealed class Handler(AppDb db, IOptions<SourcingOptions> options, TimeProvider clock) : IRequestHandler<Request, ErrorOr<List<Need>>>
{
    static readonly string NeedsSql = Sql.Load<Handler>("InventoryNeeds.sql");
    // the same statement under another text for one product: auto-prepared statements switch to a generic plan after a
    // few runs, and the list's generic plan (the product id unknown, so no index on it) would read every seller for one
    static readonly string ProductNeedsSql = "-- one product\n" + NeedsSql;
    const string ProductSql = "select id from wholesale.products where id = @ProductId and deleted_at is null";
    // slides the running window total (0028) once a UTC day per process; the read is exact without it, a lagging total
    // only costs the read a correction over the days it lags
    const string RollSql = "select wholesale.product_sales_window_roll(now(), @WindowDays)";
    static long rolled = -1;   // (UTC day number << 16) | window days of the last roll that found the total current

    public async ValueTask<ErrorOr<List<Need>>> Handle(Request req, CancellationToken ct)
    {
        if (req.ProductId is { } pid && await db.QueryToListAsync<long>(ProductSql, new { ProductId = pid }, ct) is not [_])
            return Error.NotFound("Product.NotFound", "Product not found");
        var o = options.Value;
        var key = ((long)DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).DayNumber << 16) | (long)(o.SalesWindowDays & 0xFFFF);
        if (Interlocked.Read(ref rolled) != key
            && await db.QueryToListAsync<bool>(RollSql, new { WindowDays = o.SalesWindowDays }, ct) is [true])
            Interlocked.Exchange(ref rolled, key);
        return await db.QueryToListAsync<Need>(req.ProductId is null ? NeedsSql : ProductNeedsSql, new
        {
            req.ProductId, WindowDays = o.SalesWindowDays, DefaultLead = o.DefaultLeadTimeDays, o.SafetyDays, o.CoverDays, Limit = req.Limit ?? 500,
        }, ct);
    }
}
