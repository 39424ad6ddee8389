using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.Orchestrate;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/sourcing/orchestrate");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("A sourcing plan (search terms, supplier criteria, target price, QC checklist, timeline), stored").Produces<Response>(200).ProducesProblemDetails(400));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
