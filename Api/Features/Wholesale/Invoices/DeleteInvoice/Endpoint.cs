using System.Text.Json;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Invoices.DeleteInvoice;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, JsonElement>
{
    public override void Configure()
    {
        Delete("api/invoices/{InvoiceId}");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Delete an invoice (soft; a paid invoice cannot be deleted)"));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req with { Actor = Common.Caller.From(User).Label }, ct), ct);
}
