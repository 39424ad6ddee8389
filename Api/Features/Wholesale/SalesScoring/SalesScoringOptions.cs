namespace Api.Features.Wholesale.SalesScoring;

/// <summary><c>Wholesale:Sales:Scoring:*</c>: tier thresholds and the minimum data for a fit.</summary>
public sealed class SalesScoringOptions
{
    /// <summary>P(alive) from which a repeat buyer is active (champion when also in the top quarter of expected orders).</summary>
    public double ActiveFrom { get; set; } = 0.7;
    /// <summary>P(alive) below which a repeat buyer is lapsed (between: at_risk).</summary>
    public double LapsedBelow { get; set; } = 0.3;
    public int MinCustomers { get; set; } = 10;
    public int MinRepeatBuyers { get; set; } = 5;
    /// <summary>Hour (UTC) of the nightly refit.</summary>
    public int NightlyHourUtc { get; set; } = 8;
}
