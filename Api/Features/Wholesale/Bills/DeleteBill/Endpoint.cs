using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Bills.DeleteBill;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Delete("api/bills/{bill_id}");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Delete a bill (soft) and its uploaded file").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
