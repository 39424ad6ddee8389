using Api.Infrastructure.Database;

namespace Api.Features.Wholesale.SalesCommission;

/// <summary>An order's commission facts (Commission.sql), shared by the two commission slices.</summary>
sealed class CommissionRow
{
    public static readonly string Sql = Api.Infrastructure.Database.Sql.Load<CommissionRow>("Commission.sql");

    public long Id { get; init; }
    public string OrderNumber { get; init; } = "";
    public long? SalesRepId { get; init; }
    public string Status { get; init; } = "";
    public string PaymentStatus { get; init; } = "";
    public bool CommissionPaid { get; init; }
    public decimal Rate { get; init; }
    public decimal Amount { get; init; }

    public bool Earned => SalesRepId is not null && Status != "cancelled" && PaymentStatus == "paid";
}
