using System.Text.Json;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Invoices.CreateInvoice;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, JsonElement>
{
    public override void Configure()
    {
        Post("api/invoices");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Create an invoice (numbered INV-YYYY-NNNNN, totals computed by the server)"));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req with { Actor = Common.Caller.From(User).Label }, ct), ct, StatusCodes.Status201Created);
}
