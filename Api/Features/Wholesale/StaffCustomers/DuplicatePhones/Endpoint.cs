using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffCustomers.DuplicatePhones;

sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("api/staff/customers/duplicate-phones");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Staff: groups of live customers sharing the same primary phone (compared in E.164)")
            .Produces<Response>());
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}
