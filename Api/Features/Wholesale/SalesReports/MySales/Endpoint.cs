using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesReports.MySales;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("api/sales/my-sales");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("The signed-in rep's attributed orders and summary for a period").Produces<Response>(200));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req with { Caller = Caller.From(User) }, ct), ct);
}
