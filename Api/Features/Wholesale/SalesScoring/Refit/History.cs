using Npgsql;
using NpgsqlTypes;

namespace Api.Features.Wholesale.SalesScoring.Refit;

/// <summary>
/// The refit's order history: per customer with orders, one transaction per business-time-zone day (several orders on a day
/// count once), cancelled and deleted orders out. x = repeat days, t_x and T in weeks from the first day, zbar = mean value
/// of the repeat days; Later = transaction days after the cutoff (the holdout's actuals). The H* fields are the same figures
/// at the holdout cutoff (13 weeks earlier), meaningful where InHoldout (the customer had bought by then; 0 elsewhere).
/// <para>
/// One binary COPY of the live orders (customer, created_at, total) and the day grouping here, instead of a GROUP BY over
/// every order plus a window in SQL: the same figures (HistoryReadsTests compares them with that SQL, field by field),
/// several times faster on hundreds of thousands of orders. Weeks are computed as PostgreSQL's <c>integer / 7.0</c> numeric
/// would be (its division scale, half away from zero), then converted to double like the numeric was.
/// </para>
/// </summary>
static class History
{
    const string OrdersCopy = """
        copy (select customer_id, created_at, total_amount from wholesale.orders
              where customer_id is not null and status <> 'cancelled' and deleted_at is null) to stdout (format binary)
        """;

    public sealed class Row
    {
        public long CustomerId { get; init; }
        public int X { get; init; }
        public decimal Tx { get; init; }
        public decimal T { get; init; }
        public decimal RepeatAmount { get; init; }
        public int Orders { get; init; }
        public decimal Spent { get; init; }
        public DateTimeOffset FirstAt { get; init; }
        public DateTimeOffset? LastAt { get; init; }
        public int Later { get; init; }
        public bool InHoldout { get; init; }
        public int HX { get; init; }
        public decimal HTx { get; init; }
        public decimal HT { get; init; }
        public decimal HRepeatAmount { get; init; }
        public int HLater { get; init; }
    }

    readonly record struct Order(long CustomerId, int Day, long At, decimal Amount);

    public static async Task<List<Row>> ReadAsync(NpgsqlConnection conn, TimeZoneInfo zone, DateOnly cutoff, DateOnly holdoutCutoff, CancellationToken ct)
    {
        var orders = new List<Order>(1 << 16);
        var offsets = new Dictionary<long, long>();   // UTC hour -> the zone's offset (ticks) through that hour
        await using (var reader = await conn.BeginBinaryExportAsync(OrdersCopy, ct))
        {
            while (await reader.StartRowAsync(ct) != -1)
            {
                var customer = await reader.ReadAsync<long>(NpgsqlDbType.Bigint, ct);
                var at = await reader.ReadAsync<DateTime>(NpgsqlDbType.TimestampTz, ct);
                var amount = await reader.ReadAsync<decimal>(NpgsqlDbType.Numeric, ct);
                var hour = at.Ticks / TimeSpan.TicksPerHour;
                if (!offsets.TryGetValue(hour, out var offset))
                {
                    // the zone's offset at the hour's start, if it still holds at the hour's end (else: per instant)
                    var start = zone.GetUtcOffset(new DateTime(hour * TimeSpan.TicksPerHour, DateTimeKind.Utc)).Ticks;
                    var end = zone.GetUtcOffset(new DateTime((hour + 1) * TimeSpan.TicksPerHour - 1, DateTimeKind.Utc)).Ticks;
                    offsets[hour] = offset = start == end ? start : long.MinValue;
                }
                if (offset == long.MinValue) offset = zone.GetUtcOffset(at).Ticks;
                orders.Add(new Order(customer, (int)((at.Ticks + offset) / TimeSpan.TicksPerDay), at.Ticks, amount));
            }
        }
        return Group(orders, cutoff.DayNumber, holdoutCutoff.DayNumber);
    }

    static List<Row> Group(List<Order> orders, int cutoff, int holdoutCutoff)
    {
        orders.Sort(static (p, q) => p.CustomerId != q.CustomerId ? p.CustomerId.CompareTo(q.CustomerId) : p.Day.CompareTo(q.Day));
        var rows = new List<Row>();
        var days = new List<(int Day, decimal Amount, int N, long FirstAt, long LastAt)>();
        for (var i = 0; i < orders.Count;)
        {
            var customer = orders[i].CustomerId;
            days.Clear();
            for (; i < orders.Count && orders[i].CustomerId == customer; i++)
            {
                var o = orders[i];
                if (days.Count > 0 && days[^1].Day == o.Day)
                {
                    var d = days[^1];
                    days[^1] = (d.Day, d.Amount + o.Amount, d.N + 1, Math.Min(d.FirstAt, o.At), Math.Max(d.LastAt, o.At));
                }
                else days.Add((o.Day, o.Amount, 1, o.At, o.At));
            }
            var firstDay = days[0].Day;
            if (firstDay > cutoff) continue;
            int upTo = 0, holdUpTo = 0, orderCount = 0, lastDay = firstDay, holdLastDay = -1;
            decimal repeat = 0, spent = 0, holdRepeat = 0;
            long firstAt = long.MaxValue, lastAt = long.MinValue;
            foreach (var d in days)
            {
                firstAt = Math.Min(firstAt, d.FirstAt);
                if (d.Day <= cutoff)
                {
                    upTo++; orderCount += d.N; spent += d.Amount; lastDay = d.Day; lastAt = Math.Max(lastAt, d.LastAt);
                    if (d.Day > firstDay) repeat += d.Amount;
                }
                if (d.Day <= holdoutCutoff)
                {
                    holdUpTo++; holdLastDay = d.Day;
                    if (d.Day > firstDay) holdRepeat += d.Amount;
                }
            }
            rows.Add(new Row
            {
                CustomerId = customer, X = upTo - 1, Tx = Weeks(lastDay - firstDay), T = Weeks(cutoff - firstDay), RepeatAmount = repeat,
                Orders = orderCount, Spent = spent, FirstAt = new DateTimeOffset(firstAt, TimeSpan.Zero),
                LastAt = new DateTimeOffset(lastAt, TimeSpan.Zero), Later = days.Count - upTo,
                InHoldout = firstDay <= holdoutCutoff, HX = Math.Max(holdUpTo - 1, 0),
                HTx = holdUpTo > 0 ? Weeks(holdLastDay - firstDay) : 0, HT = Weeks(Math.Max(holdoutCutoff - firstDay, 0)),
                HRepeatAmount = holdRepeat, HLater = days.Count - holdUpTo,
            });
        }
        return rows;
    }

    /// <summary><c>days / 7.0</c> as PostgreSQL's numeric division answers it: at least 16 significant digits, i.e. 20 decimals
    /// for a quotient below 1 (days 0-7: the first base-10000 digit of the dividend is not above the divisor's 7), else 16;
    /// rounded half away from zero.</summary>
    public static decimal Weeks(int days) =>
        Math.Round(days / 7m, days <= 7 ? 20 : 16, MidpointRounding.AwayFromZero);
}
