using System.Text.Json;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Invoices.InvoicePdf;

/// <summary>
/// The stored PDF when it was made from the current <c>version</c>; otherwise drawn again (PDFsharp 6.2.4) and stored with that
/// version (only if the invoice did not change meanwhile). Seller name: <c>Wholesale:Invoices:SellerName</c> (default "LLD Restaurant Supply").
/// </summary>
sealed class Handler(AppDb db, IConfiguration config) : IRequestHandler<Request, ErrorOr<Pdf>>
{
    sealed class Row
    {
        public string InvoiceNumber { get; init; } = "";
        public int Version { get; init; }
        public byte[]? Pdf { get; init; }
        public string Json { get; init; } = "{}";
    }

    static readonly string Sql = $"""
        select i.invoice_number as "InvoiceNumber", i.version as "Version", case when i.pdf_version = i.version then i.pdf end as "Pdf",
               {InvoiceKit.Json}::text as "Json"
          from wholesale.invoices i where i.id = @InvoiceId and i.deleted_at is null
        """;

    public async ValueTask<ErrorOr<Pdf>> Handle(Request req, CancellationToken ct)
    {
        var row = (await db.QueryToListAsync<Row>(Sql, new { req.InvoiceId }, ct)).FirstOrDefault();
        if (row is null) return Error.NotFound("Invoice.NotFound", "no invoice with that id");
        var name = row.InvoiceNumber + ".pdf";
        if (row.Pdf is { Length: > 0 } stored) return new Pdf(stored, name);
        if (!Fonts.Ensure(config))
            return Error.Custom(503, "Invoice.FontsMissing", "no TrueType font found for PDFs",
                new Dictionary<string, object> { ["detail"] = "set Wholesale:Invoices:FontDirectory to a folder with DejaVuSans.ttf or LiberationSans-Regular.ttf" });
        using var doc = JsonDocument.Parse(row.Json);
        var bytes = Render.Pdf(doc.RootElement, config["Wholesale:Invoices:SellerName"] is { Length: > 0 } s ? s : "LLD Restaurant Supply");
        await db.ExecuteAsync("update wholesale.invoices set pdf = @Bytes, pdf_version = @Version where id = @InvoiceId and version = @Version",
            new { Bytes = bytes, row.Version, req.InvoiceId }, ct);
        return new Pdf(bytes, name);
    }
}
