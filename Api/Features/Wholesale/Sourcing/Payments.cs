using Api.Infrastructure.Database;
using ErrorOr;
using FluentValidation;
using LinqToDB.Data;

namespace Api.Features.Wholesale.Sourcing;

/// <summary>The fields of a supplier payment (create and update; null = not sent).</summary>
abstract record PaymentFields
{
    public long? SupplierId { get; init; }
    public long? RfqId { get; init; }
    public long? ShipmentId { get; init; }
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }
    public string? PaymentDate { get; init; }
    public string? Status { get; init; }
    public string? Notes { get; init; }
}

sealed class PaymentRules : AbstractValidator<PaymentFields>
{
    public PaymentRules()
    {
        RuleFor(r => r.SupplierId).GreaterThan(0).WithMessage("Must be a supplier id");
        RuleFor(r => r.RfqId).GreaterThan(0).WithMessage("Must be an RFQ id");
        RuleFor(r => r.ShipmentId).GreaterThan(0).WithMessage("Must be a shipment id");
        RuleFor(r => r.Amount).Must(a => a is null || a > 0).WithMessage("Must be positive").Money();
        RuleFor(r => r.Currency).Currency();
        RuleFor(r => r.PaymentDate).Date();
        RuleFor(r => r.Status).OneOf(Rules.PaymentStatuses);
        RuleFor(r => r.Notes).Text(5000);
    }
}

/// <summary>A payment's links must exist and belong to its supplier.</summary>
static class PaymentLinks
{
    static readonly string LinksSql = Sql.Load<PaymentRules>("PaymentLinks.sql");

    sealed class Links
    {
        public bool SupplierOk { get; init; }
        public bool RfqExists { get; init; }
        public bool RfqOfSupplier { get; init; }
        public bool ShipmentExists { get; init; }
        public bool ShipmentOfSupplier { get; init; }
    }

    public static async Task<List<Error>> CheckAsync(DataConnection db, long supplierId, long? rfqId, long? shipmentId, CancellationToken ct)
    {
        var l = (await db.QueryToListAsync<Links>(LinksSql, new { SupplierId = supplierId, RfqId = rfqId, ShipmentId = shipmentId }, ct)).Single();
        var errors = new List<Error>();
        if (!l.SupplierOk) errors.Add(Error.Validation("supplier_id", $"Supplier {supplierId} does not exist"));
        if (!l.RfqExists) errors.Add(Error.Validation("rfq_id", $"RFQ {rfqId} does not exist"));
        else if (l.SupplierOk && !l.RfqOfSupplier) errors.Add(Error.Validation("rfq_id", $"RFQ {rfqId} is not awarded to (or quoted by) supplier {supplierId}"));
        if (!l.ShipmentExists) errors.Add(Error.Validation("shipment_id", $"Shipment {shipmentId} does not exist"));
        else if (l.SupplierOk && !l.ShipmentOfSupplier) errors.Add(Error.Validation("shipment_id", $"Shipment {shipmentId} is not from supplier {supplierId}"));
        return errors;
    }
}
