using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.ReorderImages;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/staff/products/{product_id}/images/reorder");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Staff: reorder a product's gallery; `order` must hold exactly the product's image ids, each once (else 400); the first becomes the display image")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(401).ProducesProblemDetails(403).ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
