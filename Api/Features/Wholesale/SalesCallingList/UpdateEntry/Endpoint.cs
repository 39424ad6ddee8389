using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.UpdateEntry;

/// <summary>PUT and PATCH are documented identically and both update only the fields the body carries.</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Verbs(Http.PUT, Http.PATCH);
        Routes("api/sales/calling-list/{entry_id}");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Update a calling-list entry (partial: only the fields sent change; null clears)").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req with { StaffId = User.StaffId(), RepId = CallingList.RepScope(User) }, ct), ct);
}
