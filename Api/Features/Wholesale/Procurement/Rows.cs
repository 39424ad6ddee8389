using System.Text.Json.Serialization;
using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.Wholesale.Procurement;

/// <summary>A procurement vendor as the document lists it.</summary>
record VendorRow
{
    /// <summary>The select list over <c>wholesale.procurement_vendors v</c>; slices add their where/order.</summary>
    public static readonly string Select = Sql.Load<VendorRow>("SelectVendors.sql");

    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string? Website { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? ContactName { get; init; }
    public string? Address { get; init; }
    public string? Notes { get; init; }
    public bool Active { get; init; }
}

/// <summary>A procurement product (equipment: model number, price range, lead time).</summary>
record ProductRow
{
    /// <summary>The select list over <c>wholesale.procurement_products p</c>; slices add their where/order.</summary>
    public static readonly string Select = Sql.Load<ProductRow>("SelectProducts.sql");

    public long Id { get; init; }
    public long VendorId { get; init; }
    public string Name { get; init; } = "";
    public string? Category { get; init; }
    public string? Description { get; init; }
    public string? ModelNumber { get; init; }
    public decimal? EstPriceMin { get; init; }
    public decimal? EstPriceMax { get; init; }
    public int? LeadTimeDays { get; init; }
    public string? Notes { get; init; }
    public bool Active { get; init; }
}

/// <summary>Procurement writes are audited: who (staff id), what, which row.</summary>
static class ProcurementAudit
{
    static readonly string InsertSql = Sql.Load<VendorRow>("Audit.sql");

    public static Task WriteAsync(DataConnection db, long? staffId, string action, string entity, long entityId, string details, CancellationToken ct) =>
        db.ExecuteAsync(InsertSql, new { StaffId = staffId, Action = action, Entity = entity, EntityId = entityId.ToString(), Details = details }, ct);
}

/// <summary>The document's <c>all</c> flag: '1' or 'true' includes inactive rows; anything else (default '0') does not.</summary>
static class AllFlag
{
    public static bool IncludeInactive(string? all) => all?.Trim().ToLowerInvariant() is "1" or "true" or "yes";
}
