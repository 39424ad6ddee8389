using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffCustomers.ListCustomers;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ListSql = Sql.Load<Handler>("ListCustomers.sql");
    static readonly string CountSql = Sql.Load<Handler>("CountCustomers.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var page = req.Page ?? 1;
        var perPage = req.PerPage ?? 50;
        var dir = req.SortDir == "asc" ? "asc" : "desc";
        var order = $"{Request.Sorts[req.SortBy ?? "created_at"]} {dir} nulls last, c.id {dir}";
        var search = string.IsNullOrWhiteSpace(req.Search) ? null : "%" + Like(req.Search.Trim().ToLowerInvariant()) + "%";
        var args = new { Search = search, Limit = perPage, Offset = (page - 1) * perPage };
        var total = (await db.QueryToListAsync<long>(CountSql, args, ct))[0];
        var rows = total == 0 ? [] : await db.QueryToListAsync<CustomerView>(ListSql.Replace("/*ORDER*/", order), args, ct);
        return new Response(rows, total, page, perPage, (total + perPage - 1) / perPage);
    }

    static string Like(string s) => s.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
