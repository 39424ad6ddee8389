using System.Text;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Microsoft.Extensions.Options;
using Api.Infrastructure.Database;

namespace Api.Features.Wholesale.SalesCallingList.ListEntries;

/// <summary>
/// Builds the filter from whitelisted pieces only (segment, status, assignee, score bounds, text, purchased SKUs); sorting is
/// whitelisted with the id as tie-breaker. A rep sees entries assigned to them or to nobody.
/// Full-size reads (issue 14): score bounds compare as numeric (the column's type, so the score index applies); the rep's
/// condition is added only for a rep; columns that are never null sort without <c>nulls last</c>, so the default order
/// (score desc, id desc) walks <c>calling_list_score_page</c> (0024) and stops at the page; the count reads the same index
/// only (it carries every column the segments test); the assignee's name is joined to the page's rows only; and a page that
/// is not full on the first page is its own count.
/// </summary>
sealed class Handler(AppDb db, IOptions<CallingListOptions> options) : IRequestHandler<Request, ErrorOr<Response>>
{
    const string PurchasedFilter = """
        exists (select 1 from wholesale.order_items oi join wholesale.orders o on o.id = oi.order_id
                where o.customer_id = e.customer_id and o.deleted_at is null and o.status <> 'cancelled' and oi.product_sku = any(@Skus))
        """;

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var o = options.Value;
        var segment = string.IsNullOrEmpty(req.Segment) ? "priority" : req.Segment;
        var where = new StringBuilder(" where (").Append(CallingList.Segments[segment]).Append(')')
            .Append(" and e.priority_score between cast(@ScoreMin as numeric) and cast(@ScoreMax as numeric)");
        if (req.RepId is not null) where.Append(" and ").Append(CallingList.VisibleToRep);
        if (!string.IsNullOrEmpty(req.Status)) where.Append(" and e.status = @Status");
        long? assignee = null;
        if (req.Assignee == "me") { where.Append(" and e.assigned_to = @Assignee"); assignee = req.StaffId; }
        else if (req.Assignee == "unassigned") where.Append(" and e.assigned_to is null");
        else if (long.TryParse(req.Assignee, out var a)) { where.Append(" and e.assigned_to = @Assignee"); assignee = a; }
        string? q = null;
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            q = "%" + req.Q.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            where.Append(" and (e.company_name ilike @Q or e.contact_name ilike @Q or e.first_name ilike @Q or e.last_name ilike @Q" +
                         " or e.email::text ilike @Q or e.phone like @Q or e.notes ilike @Q)");
        }
        var skus = (req.PurchasedSkus ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (skus.Length > 0) where.Append(" and ").Append(PurchasedFilter);

        var dir = req.Dir == "asc" ? "asc" : "desc";
        var sort = string.IsNullOrEmpty(req.Sort) ? "priority_score" : req.Sort;
        // nulls last: ascending puts nulls last anyway; descending needs it only on a column that can be null
        var nulls = dir == "desc" && !Request.NotNullSorts.Contains(sort) ? " nulls last" : "";
        var order = $" order by {Request.SortColumns[sort]} {dir}{nulls}, e.id {dir}";
        var offset = (req.Page - 1) * req.PerPage;
        var args = new
        {
            req.RepId, Threshold = o.PriorityThreshold, o.CooldownDays, ScoreMin = req.ScoreMin ?? o.ScoreMin, ScoreMax = req.ScoreMax ?? o.ScoreMax,
            req.Status, Assignee = assignee, Q = q, Skus = skus, Limit = req.PerPage, Offset = offset,
        };
        var sql = $"""
            select {CallingList.EntryColumns}
            from (select e.* from wholesale.calling_list e{where}{order} limit @Limit offset @Offset) e
            left join wholesale.staff_users s on s.id = e.assigned_to
            {order}
            """;
        var rows = await db.QueryToListAsync<Entry>(sql, args, ct);
        var total = rows.Count < req.PerPage && (rows.Count > 0 || offset == 0)
            ? offset + rows.Count
            : (await db.QueryToListAsync<int>("select count(*)::int from wholesale.calling_list e" + where, args, ct))[0];
        return new Response(rows, total, req.Page, req.PerPage, (total + req.PerPage - 1) / req.PerPage, segment);
    }
}
