using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Procurement.UpdateVendor;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, VendorRow>
{
    public override void Configure()
    {
        Put("api/procurement/vendors/{vendor_id}");
        Group<WholesaleGroup>();
        this.StaffAdmin();
        Description(b => b.WithSummary("Update a procurement vendor (admin or manager)")
            .Produces<VendorRow>().ProducesProblemDetails(400).ProducesProblemDetails(403).ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
