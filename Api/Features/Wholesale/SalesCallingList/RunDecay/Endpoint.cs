using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.RunDecay;

sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("api/sales/calling-list/run-decay");
        Group<WholesaleGroup>();
        this.StaffAdmin();
        Description(b => b.WithSummary("Decay scores exponentially since each entry's last event (idempotent within a day; do-not-call skipped)").Produces<Response>());
    }

    /// <summary>No body: a bare POST (or one with <c>{}</c>) runs it.</summary>
    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(new Request { StaffId = User.StaffId(), RepId = CallingList.RepScope(User) }, ct), ct);
}
