using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffUsers.ListUsers;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<object>>
{
    static readonly string AccountsSql = Sql.Load<Handler>("Accounts.sql");
    static readonly string AccountsCountSql = Sql.Load<Handler>("AccountsCount.sql");

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
        var total = (await db.QueryToListAsync<long>(AccountsCountSql, args, ct))[0];
        var users = total == 0 ? [] : await db.QueryToListAsync<AccountView>(AccountsSql, args, ct);
        return ErrorOrFactory.From<object>(new AccountsResponse(users, total, page, perPage, (total + perPage - 1) / perPage));
    }
}
