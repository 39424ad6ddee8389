using System.Globalization;

namespace Api.Features.BrandInsights;

/// <summary>The module's shared arithmetic, one definition each (docs/brand-insights.md, "Definitions").</summary>
static class Figures
{
    /// <summary>Relative changes below this (in percent of the previous value) are "stable".</summary>
    public const double StableBelowPercent = 1.0;

    /// <summary>(current - previous) / previous x 100, 2 decimals; from 0 to 0 is 0, from 0 to more is 100.</summary>
    public static double DeltaPercent(double current, double previous) =>
        previous == 0 ? (current == 0 ? 0 : 100) : Round((current - previous) / previous * 100, 2);

    /// <summary>"up"/"down" when the relative change is at least 1 %, else "stable"; unknown values are "stable".</summary>
    public static string Direction(double? current, double? previous)
    {
        if (current is not { } c || previous is not { } p) return "stable";
        var change = p == 0 ? (c == 0 ? 0 : 100) : (c - p) / Math.Abs(p) * 100;
        return change >= StableBelowPercent ? "up" : change <= -StableBelowPercent ? "down" : "stable";
    }

    /// <summary>part / whole x 100 with one decimal; 0 when whole is 0.</summary>
    public static double Percent(double part, double whole) => whole == 0 ? 0 : Round(part / whole * 100, 1);

    public static double Round(double value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>Cents as US dollars: 4250 → "$42.50", 123456 → "$1,234.56".</summary>
    public static string? Money(long? cents) => cents is { } c
        ? (c < 0 ? "-$" : "$") + (Math.Abs(c) / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture)
        : null;
}
