using System.Text.Json;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Invoices.CustomerInvoices;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, JsonElement>
{
    public override void Configure()
    {
        Get("api/sales/customer/{CustomerId}/invoices");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("A customer's order history presented as invoices (orders with items, plus the customer's invoices)"));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
