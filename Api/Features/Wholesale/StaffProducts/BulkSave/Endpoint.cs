using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.BulkSave;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/staff/products/bulk-save");
        Group<WholesaleGroup>();
        this.Staff();
        Definition.Metadata(new RequestBodyLimit(16L << 20));   // up to 1,000 items; image_url data URLs make items large
        Description(b => b.WithSummary("Staff: save edits to up to 1,000 products by id; each product succeeds or fails on its own (a failing one stays as it was)")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(401).ProducesProblemDetails(403));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
