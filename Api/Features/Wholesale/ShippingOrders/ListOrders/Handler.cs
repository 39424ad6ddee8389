using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.ShippingOrders.ListOrders;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ListSql = Sql.Load<Handler>("ListOrders.sql");
    const string Ready = "not o.needs_review and not (o.payment_method in ('card', 'check') and o.payment_status <> 'paid')";

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var status = (req.Status ?? "active").ToLowerInvariant();
        var filter = status switch
        {
            // the same predicate as the partial index orders_shipping_active, plus the picking clearance of pending orders
            "active" => $" and o.status in ('pending', 'confirmed', 'packed') and (o.status <> 'pending' or ({Ready}))",
            "all" => "",
            _ => " and o.status = @Status",
        };
        var q = req.Q?.Trim();
        if (!string.IsNullOrEmpty(q))
            filter += " and (o.order_number ilike @Prefix or lower(coalesce(o.delivery_name, '') || ' ' || coalesce(o.delivery_company, '')) like @Like)";
        var column = Request.Sorts[(req.Sort ?? "created_at").ToLowerInvariant()];
        var dir = (req.Dir ?? "asc").Equals("desc", StringComparison.OrdinalIgnoreCase) ? "desc" : "asc";
        var sql = ListSql.Replace("{filter}", filter).Replace("{order}", $"{column} {dir} nulls last, o.id {dir}");
        var like = q is null ? null : "%" + Escape(q.ToLowerInvariant()) + "%";
        var orders = await db.QueryToListAsync<ShipOrder>(sql, new { Status = status, Prefix = q is null ? null : Escape(q) + "%", Like = like,
            Limit = req.Limit ?? 200 }, ct);
        return new Response(orders);
    }

    static string Escape(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
