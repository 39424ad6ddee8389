using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Procurement.CreateVendor;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, VendorRow>
{
    public override void Configure()
    {
        Post("api/procurement/vendors");
        Group<WholesaleGroup>();
        this.StaffAdmin();
        Description(b => b.WithSummary("Create a procurement vendor (admin or manager)")
            .Produces<VendorRow>(201).ProducesProblemDetails(400).ProducesProblemDetails(401).ProducesProblemDetails(403));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct, StatusCodes.Status201Created);
}
