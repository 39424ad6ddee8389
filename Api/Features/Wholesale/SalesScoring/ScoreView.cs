using System.Text.Json.Serialization;

namespace Api.Features.Wholesale.SalesScoring;

/// <summary>One customer's score as the list and the single read show it (the model inputs x, t_x, T in weeks included).</summary>
sealed class ScoreView
{
    public long CustomerId { get; init; }
    public string? Name { get; init; }
    public string? CompanyName { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string Tier { get; init; } = "";
    public double PAlive { get; init; }
    [JsonPropertyName("expected_orders_90d")] public double ExpectedOrders90d { get; init; }
    public decimal ExpectedOrderValue { get; init; }
    [JsonPropertyName("predicted_value_12m")] public decimal PredictedValue12m { get; init; }
    public int X { get; init; }
    [JsonPropertyName("t_x")] public double TX { get; init; }
    [JsonPropertyName("T")] public double T { get; init; }
    public int OrdersCount { get; init; }
    public decimal TotalSpent { get; init; }
    public DateTimeOffset FirstOrderAt { get; init; }
    public DateTimeOffset LastOrderAt { get; init; }
    public long RunId { get; init; }
    public DateTimeOffset ComputedAt { get; init; }
}
