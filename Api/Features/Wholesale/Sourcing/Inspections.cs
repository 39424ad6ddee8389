using Api.Infrastructure.Database;
using ErrorOr;
using FluentValidation;
using LinqToDB.Data;

namespace Api.Features.Wholesale.Sourcing;

/// <summary>One defect found by QC.</summary>
sealed record Defect
{
    public string? Type { get; init; }
    public string? Severity { get; init; }
    public int? Count { get; init; }
    public string? Notes { get; init; }

    /// <summary>As stored: count defaults to 1.</summary>
    public object Stored() => new { type = Type!.Trim(), severity = Severity, count = Count ?? 1, notes = Rules.Opt(Notes) };
}

/// <summary>The fields of a QC inspection (create and update; null = not sent).</summary>
abstract record InspectionFields
{
    public long? ShipmentId { get; init; }
    public long? SupplierId { get; init; }
    public long? ProductId { get; init; }
    public string? ProductName { get; init; }
    public string? InspectionDate { get; init; }
    public string? Inspector { get; init; }
    public string? Result { get; init; }
    public string? Notes { get; init; }
    public List<Defect>? Defects { get; init; }
    public List<string>? Images { get; init; }
}

sealed class InspectionRules : AbstractValidator<InspectionFields>
{
    public InspectionRules()
    {
        RuleFor(r => r.ShipmentId).GreaterThan(0).WithMessage("Must be a shipment id");
        RuleFor(r => r.SupplierId).GreaterThan(0).WithMessage("Must be a supplier id");
        RuleFor(r => r.ProductId).GreaterThan(0).WithMessage("Must be a product id");
        RuleFor(r => r.Result).OneOf(Rules.QcResults);
        RuleFor(r => r.InspectionDate).Date();
        RuleFor(r => r.ProductName).Text(300);
        RuleFor(r => r.Inspector).Text(200);
        RuleFor(r => r.Notes).Text(5000);
        RuleFor(r => r.Defects).Must(d => d is null || d.Count <= 200).WithMessage("At most 200 defects");
        RuleForEach(r => r.Defects).ChildRules(d =>
        {
            d.RuleFor(x => x.Type).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Required").Text(100);
            d.RuleFor(x => x.Severity).NotNull().WithMessage("Required").OneOf(Rules.DefectSeverities);
            d.RuleFor(x => x.Count).InclusiveBetween(1, 10_000_000).WithMessage("Must be a positive whole number");
            d.RuleFor(x => x.Notes).Text(2000);
        });
        RuleFor(r => r.Images).Must(i => i is null || i.Count <= 50).WithMessage("At most 50 images");
        RuleForEach(r => r.Images).Must(i => !string.IsNullOrWhiteSpace(i) && i.Length <= 2000 && !i.Contains('\0'))
            .WithMessage("Each image must be a URL or reference of at most 2000 characters");
    }
}

/// <summary>Link checks and the shipment flag shared by the QC inspection slices.</summary>
static class Inspections
{
    static readonly string LinksSql = Sql.Load<Defect>("InspectionLinks.sql");
    static readonly string FlagSql = Sql.Load<Defect>("FlagShipments.sql");

    sealed class Links
    {
        public bool ShipmentOk { get; init; }
        public long? ShipmentSupplierId { get; init; }
        public bool SupplierOk { get; init; }
        public bool ProductOk { get; init; }
        public string? ProductName { get; init; }
    }

    /// <summary>
    /// Checks the linked shipment, supplier and product; the supplier defaults to the shipment's and must match it, the
    /// product name defaults to the product's. Answers the supplier id and product name to store, or the 400s.
    /// </summary>
    public static async Task<ErrorOr<(long? SupplierId, string? ProductName)>> CheckLinksAsync(DataConnection db, long? shipmentId, long? supplierId,
        long? productId, string? productName, CancellationToken ct)
    {
        var l = (await db.QueryToListAsync<Links>(LinksSql, new { ShipmentId = shipmentId, SupplierId = supplierId, ProductId = productId }, ct)).Single();
        var errors = new List<Error>();
        if (!l.ShipmentOk) errors.Add(Error.Validation("shipment_id", $"Shipment {shipmentId} does not exist"));
        if (!l.SupplierOk) errors.Add(Error.Validation("supplier_id", $"Supplier {supplierId} does not exist"));
        if (!l.ProductOk) errors.Add(Error.Validation("product_id", $"Product {productId} does not exist"));
        if (supplierId is not null && l.ShipmentSupplierId is { } s && s != supplierId)
            errors.Add(Error.Validation("supplier_id", $"Shipment {shipmentId} belongs to supplier {s}"));
        if (errors.Count > 0) return errors;
        return (supplierId ?? l.ShipmentSupplierId, productName ?? l.ProductName);
    }

    /// <summary>A shipment is QC-flagged while any of its inspections failed; a newly failed one adds a timeline event.</summary>
    public static Task FlagShipmentsAsync(DataConnection db, long inspectionId, long?[] shipmentIds, string actor, long? staffId, CancellationToken ct) =>
        db.ExecuteAsync(FlagSql, new { InspectionId = inspectionId, ShipmentIds = shipmentIds.OfType<long>().Distinct().ToArray(), Actor = actor, StaffId = staffId }, ct);
}
