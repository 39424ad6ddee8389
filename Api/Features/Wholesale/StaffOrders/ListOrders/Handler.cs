using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffOrders.ListOrders;

/// <summary>
/// A sales rep's <c>rep_id</c> is always their own id, whatever they ask for. Only the conditions of the filters that are set
/// are in the SQL text (Filters.sql), so every combination gets its own prepared plan. A search shaped like an order number
/// (<c>LLD-SO000012</c>: letters, a dash, then letters, digits and dashes with at least one digit) first looks for order numbers
/// starting with it (a btree range); only when none does is it the substring search over number, name, company, email and
/// phone (trigram). Counts of the unsearched list are cached exactly (<see cref="ReportSnapshots"/>: served only while no order
/// write committed since), so paging the whole order table does not count 300,000 rows per page.
/// </summary>
sealed partial class Handler(AppDb db, BusinessClock clock, ReportSnapshots counts) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ListSql = Sql.Load<Handler>("ListOrders.sql");
    static readonly string CountSql = Sql.Load<Handler>("Count.sql");
    static readonly Dictionary<string, string> Conditions = Sql.Load<Handler>("Filters.sql").Split('\n')
        .Where(l => l.StartsWith("/*")).ToDictionary(l => l[2..l.IndexOf("*/", StringComparison.Ordinal)], l => l[(l.IndexOf("*/", StringComparison.Ordinal) + 2)..].Trim());
    static readonly ConcurrentDictionary<string, (string List, string Count)> Texts = new();

    [GeneratedRegex("^[a-z]{1,8}-[a-z0-9-]*[0-9][a-z0-9-]*$")]
    private static partial Regex OrderNumberLike();

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var status = req.Status?.Trim().ToLowerInvariant() is { Length: > 0 } s && s != "all" ? s : null;
        var rep = StaffOrderAccess.IsSalesRep(req.Caller) ? req.Caller.Id : req.RepId;
        var term = string.IsNullOrWhiteSpace(req.Search) ? null : req.Search.Trim().ToLowerInvariant();
        var p = new Args
        {
            Status = status, RepId = rep,
            From = req.FromDate is { } f ? Start(f) : null,
            To = req.ToDate is { } t ? Start(t.AddDays(1)) : null,
            Limit = req.PerPage, Offset = (long)(req.Page - 1) * req.PerPage,
        };
        if (term is not null && OrderNumberLike().IsMatch(term))
        {
            var prefix = term.ToUpperInvariant();
            var byNumber = await PageAsync(p with { NumberFrom = prefix, NumberTo = prefix[..^1] + (char)(prefix[^1] + 1) }, req, ct);
            if (byNumber.Total > 0) return byNumber;
        }
        return await PageAsync(p with { Search = term is null ? null : "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%" }, req, ct);
    }

    async Task<Response> PageAsync(Args p, Request req, CancellationToken ct)
    {
        var key = $"{(p.Status is null ? "" : "status")},{(p.RepId is null ? "" : "rep")},{(p.From is null ? "" : "from")},{(p.To is null ? "" : "to")}," +
                  $"{(p.NumberFrom is null ? "" : "number")},{(p.Search is null ? "" : "search")}";
        var (list, count) = Texts.GetOrAdd(key, k =>
        {
            var where = string.Join(' ', k.Split(',').Where(n => n.Length > 0).Select(n => Conditions[n]));
            return (ListSql.Replace("/*WHERE*/", where), CountSql.Replace("/*WHERE*/", where));
        });
        long total;
        if (p.Search is null && p.NumberFrom is null)
            total = (await counts.GetAsync($"orders-count:{p.Status}:{p.RepId}:{p.From:O}:{p.To:O}", null,
                async (d, t) => new Counted((await d.QueryToListAsync<long>(count, p, t)).Single()), db, ct)).Total;
        else
            total = (await db.QueryToListAsync<long>(count, p, ct)).Single();
        var rows = total == 0 || p.Offset >= total ? [] : await db.QueryToListAsync<Response.Row>(list, p, ct);
        return new Response(rows, total, req.Page, (int)((total + req.PerPage - 1) / req.PerPage));
    }

    sealed record Counted(long Total);

    sealed record Args
    {
        public string? Status { get; init; }
        public long? RepId { get; init; }
        public DateTimeOffset? From { get; init; }
        public DateTimeOffset? To { get; init; }
        public string? NumberFrom { get; init; }
        public string? NumberTo { get; init; }
        public string? Search { get; init; }
        public int Limit { get; init; }
        public long Offset { get; init; }
    }

    /// <summary>Midnight of a business day, as an instant.</summary>
    DateTimeOffset Start(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, clock.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
