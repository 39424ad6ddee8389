using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffCustomers.ListCustomers;

/// <summary>
/// A search reads the page and the number of matches in one trigram scan (count(*) over ()); the unsearched list counts
/// with an index-only count and reads the page in index order. The SQL text differs per case (and per whitelisted order),
/// so each prepared statement keeps a plan that fits it.
/// </summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ListSql = Sql.Load<Handler>("ListCustomers.sql");
    static readonly string CountSql = Sql.Load<Handler>("CountCustomers.sql");
    static readonly string SearchSql = string.Join('\n', Sql.Load<Handler>("Search.sql").Split('\n').Where(l => !l.TrimStart().StartsWith("--")));

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var page = req.Page ?? 1;
        var perPage = req.PerPage ?? 50;
        var dir = req.SortDir == "asc" ? "asc" : "desc";
        // created_at and id are never null: no "nulls last" there, so the order matches customers_staff_created (0008) and the
        // page is read from the index instead of sorting every customer
        var sort = req.SortBy ?? "created_at";
        var order = $"{Request.Sorts[sort]} {dir}{(sort is "created_at" or "id" ? "" : " nulls last")}, c.id {dir}";
        var search = string.IsNullOrWhiteSpace(req.Search) ? null : "%" + Like(req.Search.Trim().ToLowerInvariant()) + "%";
        var args = new { Search = search, Limit = perPage, Offset = (page - 1) * perPage };
        var where = search is null ? "" : SearchSql;
        var count = CountSql.Replace("/*SEARCH*/", where);
        List<CustomerView> rows;
        long total;
        if (search is null)
        {
            total = (await db.QueryToListAsync<long>(count, args, ct))[0];
            rows = total == 0 ? [] : await db.QueryToListAsync<CustomerView>(List(order, where, "null::bigint"), args, ct);
        }
        else
        {
            rows = await db.QueryToListAsync<CustomerView>(List(order, where, "count(*) over ()"), args, ct);
            total = rows.Count > 0 ? rows[0].TotalCount ?? 0 : page == 1 ? 0 : (await db.QueryToListAsync<long>(count, args, ct))[0];
        }
        return new Response(rows, total, page, perPage, (total + perPage - 1) / perPage);
    }

    static string List(string order, string where, string total) =>
        ListSql.Replace("/*ORDER*/", order).Replace("/*SEARCH*/", where).Replace("/*TOTAL*/", total);

    static string Like(string s) => s.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
