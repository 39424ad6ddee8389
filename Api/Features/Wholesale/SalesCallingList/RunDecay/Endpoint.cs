using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.RunDecay;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/sales/calling-list/run-decay");
        Group<WholesaleGroup>();
        this.StaffAdmin();
        Description(b => b.WithSummary("Decay scores exponentially since each entry's last event (idempotent within a day; do-not-call skipped)").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req with { StaffId = User.StaffId(), RepId = CallingList.RepScope(User) }, ct), ct);
}
