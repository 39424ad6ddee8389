using System.Text.Json;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Invoices.GetInvoice;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, JsonElement>
{
    public override void Configure()
    {
        Get("api/invoices/{InvoiceId}");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("One invoice"));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
