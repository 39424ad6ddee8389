using System.Text.Json;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Invoices.UpdateInvoice;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, JsonElement>
{
    public override void Configure()
    {
        Put("api/invoices/{InvoiceId}");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Update an invoice (fields given change; totals recomputed; a paid or void invoice's items are frozen)"));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req with { Actor = Common.Caller.From(User).Label }, ct), ct);
}
