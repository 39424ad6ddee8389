namespace Api.Features.Wholesale.Common;

/// <summary>Money is decimal with at most two places (more is a 400, never rounded silently).</summary>
static class Money
{
    public static bool HasAtMostTwoDecimals(decimal value) => decimal.Round(value, 2) == value;
    public static bool HasAtMostTwoDecimals(decimal? value) => value is not { } v || HasAtMostTwoDecimals(v);
    public const string TwoDecimalsMessage = "must have at most two decimal places";
    public static decimal Round(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);
}
