using System.Text.Json;
using System.Text.Json.Serialization;
using Api.Infrastructure.Database;

namespace Api.Features.Wholesale.Sourcing;

/// <summary>jsonb columns are read as text and answered as JSON.</summary>
static class JsonText
{
    public static JsonElement Parse(string? text) => JsonDocument.Parse(string.IsNullOrEmpty(text) ? "[]" : text).RootElement.Clone();
}

/// <summary>A supplier as the sourcing endpoints answer it.</summary>
record SupplierRow
{
    /// <summary>Select list over <c>wholesale.suppliers s</c>; slices add their where/order.</summary>
    public static readonly string Select = Sql.Load<SupplierRow>("SelectSuppliers.sql");

    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string? NameCn { get; init; }
    public string? Platform { get; init; }
    public string? Location { get; init; }
    public string? ContactName { get; init; }
    public string? ContactWechat { get; init; }
    public string? ContactEmail { get; init; }
    public string? ContactPhone { get; init; }
    [JsonIgnore] public string CategoriesJson { get; init; } = "[]";
    public JsonElement ProductCategories => JsonText.Parse(CategoriesJson);
    public int? Rating { get; init; }
    public int? LeadTimeDays { get; init; }
    public string? MoqNotes { get; init; }
    public string? PaymentTerms { get; init; }
    public bool IsActive { get; init; }
    public string? Notes { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>An RFQ (the core's table, also filled by voice special orders) with its quotes in order.</summary>
record RfqRow
{
    /// <summary>Select list over <c>wholesale.rfqs r</c>; slices add their where/order.</summary>
    public static readonly string Select = Sql.Load<RfqRow>("SelectRfqs.sql");

    public long Id { get; init; }
    public string RfqNumber { get; init; } = "";
    public string Status { get; init; } = "";
    public string Source { get; init; } = "";
    public long? ProductId { get; init; }
    public string? ProductName { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public decimal? Quantity { get; init; }
    public string? Unit { get; init; }
    public decimal? TargetUnitPrice { get; init; }
    public string? NeededBy { get; init; }
    public string? Notes { get; init; }
    public long? CustomerId { get; init; }
    [JsonIgnore] public string QuotesJson { get; init; } = "[]";
    public JsonElement Quotes => JsonText.Parse(QuotesJson);
    public long? AwardedSupplierId { get; init; }
    public decimal? AwardedPrice { get; init; }
    public DateTimeOffset? AwardedAt { get; init; }
    public long? AwardedBy { get; init; }
    public string? CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset StatusChangedAt { get; init; }
    public string? StatusChangedBy { get; init; }
}

/// <summary>An inbound sourcing shipment.</summary>
record ShipmentRow
{
    /// <summary>Select list over <c>wholesale.sourcing_shipments h</c>; slices add their where/order.</summary>
    public static readonly string Select = Sql.Load<ShipmentRow>("SelectShipments.sql");

    public long Id { get; init; }
    public string ShipmentNumber { get; init; } = "";
    public long? SupplierId { get; init; }
    public string? SupplierName { get; init; }
    public long? RfqId { get; init; }
    public string? TrackingNumber { get; init; }
    public string? Carrier { get; init; }
    public string Status { get; init; } = "";
    public string? Origin { get; init; }
    public string? Destination { get; init; }
    public string? Eta { get; init; }
    [JsonIgnore] public string ItemsJson { get; init; } = "[]";
    public JsonElement Items => JsonText.Parse(ItemsJson);
    [JsonIgnore] public string DocumentsJson { get; init; } = "[]";
    public JsonElement Documents => JsonText.Parse(DocumentsJson);
    public decimal? TotalCost { get; init; }
    public string Currency { get; init; } = "USD";
    public string? Notes { get; init; }
    public bool QcFlagged { get; init; }
    public string? QcFlagReason { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset StatusChangedAt { get; init; }
    public string? StatusChangedBy { get; init; }
}

/// <summary>A QC inspection; <c>result</c> is what the list filters as <c>status</c>.</summary>
record QcRow
{
    /// <summary>Select list over <c>wholesale.qc_inspections q</c>; slices add their where/order.</summary>
    public static readonly string Select = Sql.Load<QcRow>("SelectQc.sql");

    public long Id { get; init; }
    public long? ShipmentId { get; init; }
    public string? ShipmentNumber { get; init; }
    public long? SupplierId { get; init; }
    public long? ProductId { get; init; }
    public string? ProductName { get; init; }
    public string? InspectionDate { get; init; }
    public string? Inspector { get; init; }
    public string Result { get; init; } = "";
    public string? Notes { get; init; }
    [JsonIgnore] public string DefectsJson { get; init; } = "[]";
    public JsonElement Defects => JsonText.Parse(DefectsJson);
    [JsonIgnore] public string ImagesJson { get; init; } = "[]";
    public JsonElement Images => JsonText.Parse(ImagesJson);
    public long? CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A payment to a supplier.</summary>
record PaymentRow
{
    /// <summary>Select list over <c>wholesale.supplier_payments p</c>; slices add their where/order.</summary>
    public static readonly string Select = Sql.Load<PaymentRow>("SelectPayments.sql");

    public long Id { get; init; }
    public long SupplierId { get; init; }
    public string? SupplierName { get; init; }
    public long? RfqId { get; init; }
    public long? ShipmentId { get; init; }
    public decimal Amount { get; init; }
    public string Currency { get; init; } = "USD";
    public string? PaymentDate { get; init; }
    public string Status { get; init; } = "";
    public string? Notes { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset StatusChangedAt { get; init; }
    public string? StatusChangedBy { get; init; }
}
