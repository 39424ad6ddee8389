using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Admin.ListKeys;

sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<List<KeyView>>
{
    public override void Configure()
    {
        Get("api/admin/keys");
        Group<WholesaleGroup>();
        this.StaffAdmin();
        Description(b => b.WithSummary("List API keys (previews only, never the key)")
            .Produces<List<KeyView>>().ProducesProblemDetails(401).ProducesProblemDetails(403));
    }

    public override async Task HandleAsync(CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}
