using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Invoices.InvoicePdf;

sealed class Endpoint(IMediator mediator) : Endpoint<Request>
{
    public override void Configure()
    {
        Get("api/invoices/{InvoiceId}/pdf");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("The invoice as a PDF (generated on first download and after each change)").Produces(200, contentType: "application/pdf"));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var result = await mediator.Send(req, ct);
        if (result.IsError) { await ApiErrors.WriteAsync(HttpContext, ApiErrors.From(result.Errors), ct); return; }
        HttpContext.Response.Headers.CacheControl = "private, no-store";
        await Send.BytesAsync(result.Value.Bytes, result.Value.FileName, "application/pdf", cancellation: ct);
    }
}
