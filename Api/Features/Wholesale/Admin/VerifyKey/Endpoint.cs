using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Admin.VerifyKey;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/admin/keys/verify");
        Group<WholesaleGroup>();
        this.StaffAdmin();
        Description(b => b.WithSummary("Check whether a raw API key is valid (active, not revoked, not expired); a valid check counts as a use")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(401).ProducesProblemDetails(403));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
