using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Procurement.DeleteVendor;

/// <summary>Labelled "Staff + Admin"; the description says admin role only, so a manager gets 403 here.</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Delete("api/procurement/vendors/{vendor_id}");
        Group<WholesaleGroup>();
        this.StaffAdmin();
        Description(b => b.WithSummary("Delete a vendor and all its products, permanently (admin only)")
            .Produces<Response>().ProducesProblemDetails(403).ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
