using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffCategories.ListCategories;

sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("api/staff/categories");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Staff: every live category ordered by name, with its count of live products")
            .Produces<Response>().ProducesProblemDetails(401).ProducesProblemDetails(403));
    }

    public override async Task HandleAsync(CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}
