using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.UpdateInspection;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Put("api/sourcing/qc/inspections/{iid}");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Update a QC inspection (fields sent only)").Produces<Response>(200).ProducesProblemDetails(400).ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
