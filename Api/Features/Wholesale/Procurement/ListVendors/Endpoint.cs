using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Procurement.ListVendors;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, List<VendorRow>>
{
    public override void Configure()
    {
        Get("api/procurement/vendors");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("List procurement vendors (active only unless all=1)").Produces<List<VendorRow>>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
