using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffOrders.ListOrders;

/// <summary>A sales rep's <c>rep_id</c> is always their own id, whatever they ask for.</summary>
sealed class Handler(AppDb db, BusinessClock clock) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ListSql = Sql.Load<Handler>("ListOrders.sql");
    static readonly string CountSql = Sql.Load<Handler>("Count.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var status = req.Status?.Trim().ToLowerInvariant() is { Length: > 0 } s && s != "all" ? s : null;
        var rep = StaffOrderAccess.IsSalesRep(req.Caller) ? req.Caller.Id : req.RepId;
        var search = string.IsNullOrWhiteSpace(req.Search) ? null
            : "%" + req.Search.Trim().ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        var p = new
        {
            Status = status, RepId = rep, Search = search,
            From = req.FromDate is { } f ? Start(f) : (DateTimeOffset?)null,
            To = req.ToDate is { } t ? Start(t.AddDays(1)) : (DateTimeOffset?)null,
            Limit = req.PerPage, Offset = (long)(req.Page - 1) * req.PerPage,
        };
        var total = (await db.QueryToListAsync<long>(CountSql, p, ct)).Single();
        var rows = total == 0 ? [] : await db.QueryToListAsync<Response.Row>(ListSql, p, ct);
        return new Response(rows, total, req.Page, (int)((total + req.PerPage - 1) / req.PerPage));
    }

    /// <summary>Midnight of a business day, as an instant.</summary>
    DateTimeOffset Start(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, clock.Zone.GetUtcOffset(local));
    }
}
