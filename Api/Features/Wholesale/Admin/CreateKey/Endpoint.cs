using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Admin.CreateKey;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/admin/keys");
        Group<WholesaleGroup>();
        this.StaffAdmin();
        Description(b => b.WithSummary("Create an API key; the raw key is in this answer only")
            .Produces<Response>(201).ProducesProblemDetails(400).ProducesProblemDetails(401).ProducesProblemDetails(403));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct, StatusCodes.Status201Created);
}
