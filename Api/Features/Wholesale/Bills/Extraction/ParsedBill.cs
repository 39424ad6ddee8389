namespace Api.Features.Wholesale.Bills.Extraction;

/// <summary>What extraction read from a bill, before matching.</summary>
sealed record ParsedBill(string? SupplierName, DateOnly? BillDate, string? BillNumber, decimal? BillTotal, IReadOnlyList<ParsedLine> Lines);

sealed record ParsedLine(string Description, string? Sku, decimal? Quantity, string? Unit, decimal? UnitPrice, decimal? LineTotal);

/// <summary>An expected failure (unreadable or unsupported content); the bill is marked failed with this message.</summary>
sealed class ExtractionFailed(string message) : Exception(message);
