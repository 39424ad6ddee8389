using System.Globalization;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Npgsql;

namespace Api.Features.Wholesale.SalesReports.History;

sealed class Handler(AppDb db, Db pool, BusinessClock clock) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string FilteredSql = Sql.Load<Handler>("Filtered.sql");
    const string OrderColumns = """
        select f.id as "Id", f.order_number as "OrderNumber", f.created_at as "CreatedAt", f.sales_rep_id as "SalesRepId",
               f.rep_name as "SalesRepName", f.customer_id as "CustomerId", f.customer_name as "CustomerName", f.company as "CompanyName",
               f.status as "Status", f.payment_status as "PaymentStatus", f.payment_method as "PaymentMethod", f.subtotal as "Subtotal",
               f.discount_amount as "DiscountAmount", f.total_amount as "TotalAmount", f.commission_paid as "CommissionPaid"
        from f
        """;
    static readonly Dictionary<string, string> GroupSql = new()
    {
        ["rep"] = "select f.sales_rep_id::text as \"Key\", min(f.rep_name) as \"Label\", count(*) as \"Orders\", coalesce(sum(f.total_amount) filter (where f.status <> 'cancelled'), 0) as \"Revenue\" from f group by f.sales_rep_id order by 4 desc, 1",
        ["month"] = "select to_char(f.created_at at time zone @Zone, 'YYYY-MM') as \"Key\", to_char(f.created_at at time zone @Zone, 'YYYY-MM') as \"Label\", count(*) as \"Orders\", coalesce(sum(f.total_amount) filter (where f.status <> 'cancelled'), 0) as \"Revenue\" from f group by 1, 2 order by 1",
        ["customer"] = "select f.customer_id::text as \"Key\", coalesce(min(f.company), min(f.customer_name)) as \"Label\", count(*) as \"Orders\", coalesce(sum(f.total_amount) filter (where f.status <> 'cancelled'), 0) as \"Revenue\" from f group by f.customer_id order by 4 desc, 1",
        ["product"] = "select coalesce(i.product_id::text, i.product_sku, i.product_name) as \"Key\", min(i.product_name) as \"Label\", count(distinct f.id) as \"Orders\", coalesce(sum(i.line_total) filter (where f.status <> 'cancelled'), 0) as \"Revenue\" from f join wholesale.order_items i on i.order_id = f.id group by 1 order by 4 desc, 1",
        ["status"] = "select f.status as \"Key\", f.status as \"Label\", count(*) as \"Orders\", coalesce(sum(f.total_amount), 0) as \"Revenue\" from f group by f.status order by 3 desc, 1",
    };

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var scope = RepScope.Resolve(req.Caller, req.RepId, allowAll: true);
        if (scope.IsError) return scope.Errors;
        var search = string.IsNullOrWhiteSpace(req.Search) ? null : req.Search.Trim();
        var args = new Args(scope.Value, Empty(req.FromDate), Empty(req.ToDate), clock.ZoneId, Empty(req.Status),
            search is null ? null : "%" + search.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%");
        var csv = req.Format == "csv";
        var group = Empty(req.GroupBy);

        if (csv)
        {
            var sql = FilteredSql + (group is null ? OrderColumns + " order by f.created_at desc, f.id desc" : GroupSql[group]);
            var name = $"sales-history-{clock.Today:yyyy-MM-dd}{(group is null ? "" : "-by-" + group)}.csv";
            return new Response(null, new CsvFile(name, (body, token) => StreamCsvAsync(sql, args, group, body, token)));
        }
        if (group is not null)
        {
            var groups = await db.QueryToListAsync<GroupRow>(FilteredSql + GroupSql[group], args, ct);
            var totals = (await db.QueryToListAsync<Summary>(FilteredSql + SummarySelect, args, ct)).Single();
            return new Response(new Grouped(group, groups, totals.Orders, totals.Revenue), null);
        }
        var summary = (await db.QueryToListAsync<Summary>(FilteredSql + SummarySelect, args, ct)).Single();
        var total = (await db.QueryToListAsync<long>(FilteredSql + "select count(*) from f", args, ct)).Single();
        var orders = await db.QueryToListAsync<OrderRow>(FilteredSql + OrderColumns + " order by f.created_at desc, f.id desc limit @Limit offset @Offset",
            new { args.RepId, args.From, args.To, args.Zone, args.Status, args.Like, Limit = req.PerPage, Offset = (long)(req.Page - 1) * req.PerPage }, ct);
        return new Response(new Paged(req.Page, req.PerPage, total, (int)Math.Ceiling(total / (double)req.PerPage), summary, orders), null);
    }

    const string SummarySelect = """
        select count(*) filter (where f.status <> 'cancelled') as "Orders",
               coalesce(sum(f.total_amount) filter (where f.status <> 'cancelled'), 0) as "Revenue",
               coalesce(round(avg(f.total_amount) filter (where f.status <> 'cancelled'), 2), 0) as "AverageOrder",
               coalesce(sum(f.discount_amount) filter (where f.status <> 'cancelled'), 0) as "Discounts"
        from f
        """;

    /// <summary>Streams rows from the database straight into the response; text cells starting with = + - @ tab or CR
    /// get a leading quote so a spreadsheet never runs them as formulas.</summary>
    async Task StreamCsvAsync(string sql, Args args, string? group, Stream body, CancellationToken ct)
    {
        await using var conn = await pool.App.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(ToPositional(sql), conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)args.RepId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)args.From ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)args.To ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = args.Zone, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)args.Status ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)args.Like ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await using var writer = new StreamWriter(body, new System.Text.UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        string[] header = group is null
            ? ["order_number", "created_at", "sales_rep_id", "sales_rep", "customer_id", "customer", "company", "status", "payment_status",
               "payment_method", "subtotal", "discount_amount", "total_amount", "commission_paid"]
            : [group, "label", "orders", "revenue"];
        await writer.WriteLineAsync(string.Join(',', header));
        var n = 0;
        var cells = new List<string>(16);
        while (await reader.ReadAsync(ct))
        {
            cells.Clear();
            if (group is null)
            {
                cells.Add(Cell(reader.GetString(1)));
                cells.Add(reader.GetFieldValue<DateTime>(2).ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                for (var i = 3; i < 15; i++) cells.Add(Value(reader, i));
            }
            else
                for (var i = 0; i < 4; i++) cells.Add(Value(reader, i));
            await writer.WriteLineAsync(string.Join(',', cells));
            if (++n % 1000 == 0) await writer.FlushAsync(ct);
        }
    }

    static string Value(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? "" : r.GetValue(i) switch
    {
        string s => Cell(s),
        bool b => b ? "true" : "false",
        var v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>RFC 4180 quoting, and formula-injection escaping: a text cell starting with = + - @ tab or CR gets a leading quote.</summary>
    public static string Cell(string s)
    {
        if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r') s = "'" + s;
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }

    /// <summary>The named parameters of the filter as $1..$6 for a plain Npgsql command.</summary>
    static string ToPositional(string sql) => sql.Replace("@RepId", "$1").Replace("@From", "$2").Replace("@To", "$3").Replace("@Zone", "$4")
        .Replace("@Status", "$5").Replace("@Like", "$6");

    static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    sealed record Args(long? RepId, string? From, string? To, string Zone, string? Status, string? Like);
}
