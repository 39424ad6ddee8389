namespace Api.Features.AdPriority.Scoring;

/// <summary>One seasonal calendar entry: months are inclusive and may wrap the year (winter 11 → 2).</summary>
public sealed record SeasonDef(Guid Id, string Season, string Name, int StartMonth, int EndMonth)
{
    public bool Contains(int month) => StartMonth <= EndMonth
        ? month >= StartMonth && month <= EndMonth
        : month >= StartMonth || month <= EndMonth;
}

/// <summary>Which season a date falls in and when the next one starts, in the tenant's time zone. Pure.</summary>
public static class SeasonCalendar
{
    /// <summary>The four default seasons every tenant starts with.</summary>
    public static readonly (string Season, string Name, int Start, int End)[] Defaults =
        [("winter", "Winter", 11, 2), ("spring", "Spring", 3, 4), ("summer", "Summer", 5, 8), ("fall", "Fall", 9, 10)];

    /// <summary>
    /// The season containing <paramref name="month"/>. When edited calendars overlap, the one that started most recently wins;
    /// in a gap, the season that started most recently still runs.
    /// </summary>
    public static SeasonDef? Current(IReadOnlyList<SeasonDef> seasons, int month)
    {
        if (seasons.Count == 0) return null;
        int Since(SeasonDef s) => ((month - s.StartMonth) % 12 + 12) % 12;   // months since it started
        return seasons.Where(s => s.Contains(month)).OrderBy(Since).FirstOrDefault() ?? seasons.OrderBy(Since).First();
    }

    public static DateOnly Today(DateTime utcNow, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utcNow, zone));

    /// <summary>The first day of the next month whose season differs from the current one, within a year.</summary>
    public static (SeasonDef To, DateOnly Date, int DaysUntil)? NextTransition(IReadOnlyList<SeasonDef> seasons, DateOnly today)
    {
        var current = Current(seasons, today.Month);
        if (current is null) return null;
        var first = new DateOnly(today.Year, today.Month, 1);
        for (var k = 1; k <= 12; k++)
        {
            var date = first.AddMonths(k);
            var s = Current(seasons, date.Month)!;
            if (s.Id != current.Id || s.Season != current.Season)
                return (s, date, date.DayNumber - today.DayNumber);
        }
        return null;
    }

    /// <summary>The tenant's zone; an unknown id falls back to UTC.</summary>
    public static TimeZoneInfo Zone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return TimeZoneInfo.Utc;
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { return TimeZoneInfo.Utc; }
    }
}
