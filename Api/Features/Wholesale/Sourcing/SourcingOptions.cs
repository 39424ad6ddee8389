namespace Api.Features.Wholesale.Sourcing;

/// <summary><c>Wholesale:Sourcing:*</c>: the inventory-needs formula's constants.</summary>
public sealed class SourcingOptions
{
    /// <summary>Days of sales history behind the daily rate (the 90).</summary>
    public int SalesWindowDays { get; set; } = 90;
    /// <summary>Lead time when no active supplier of the product's category states one.</summary>
    public int DefaultLeadTimeDays { get; set; } = 30;
    /// <summary>Days of sales kept as safety stock on top of the lead time.</summary>
    public int SafetyDays { get; set; } = 14;
    /// <summary>Days of sales an order should cover beyond the reorder point (the suggested quantity's horizon).</summary>
    public int CoverDays { get; set; } = 30;
}
