using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffUsers.ListUsers;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<object>>
{
    static readonly string AccountsSql = Sql.Load<Handler>("Accounts.sql");
    static readonly string AccountsCountSql = Sql.Load<Handler>("AccountsCount.sql");
    /// <summary>The search (trigram index customers_staff_search), put in the SQL text only when searching.</summary>
    const string SearchCondition =
        "and wholesale.customer_search_text(c.first_name, c.last_name, c.company_name, c.email, c.phone, c.username) like @Search";

    public async ValueTask<ErrorOr<object>> Handle(Request req, CancellationToken ct)
    {
        if (!req.Accounts)
        {
            if (!req.Caller.IsAdminOrManager) return Error.Forbidden("Staff.AdminRequired", "Listing staff users needs an admin or manager");
            return ErrorOrFactory.From<object>(await db.QueryToListAsync<StaffUserView>(
                $"select {StaffUserView.Columns} from wholesale.staff_users s where s.deleted_at is null order by s.id", new { }, ct));
        }
        var page = req.Page ?? 1;
        var perPage = req.PerPage ?? 50;
        var search = string.IsNullOrWhiteSpace(req.Search) ? null
            : "%" + req.Search.Trim().ToLowerInvariant().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
        var args = new { Search = search, Limit = perPage, Offset = (page - 1) * perPage };
        var where = search is null ? "" : SearchCondition;
        var total = (await db.QueryToListAsync<long>(AccountsCountSql.Replace("/*SEARCH*/", where), args, ct))[0];
        var users = total == 0 ? [] : await db.QueryToListAsync<AccountView>(AccountsSql.Replace("/*SEARCH*/", where), args, ct);
        return ErrorOrFactory.From<object>(new AccountsResponse(users, total, page, perPage, (total + perPage - 1) / perPage));
    }
}
