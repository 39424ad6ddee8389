using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffOrders.UpdateNotes;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Put("api/staff/orders/{order_id}/notes");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Staff notes, assignee and tracking number; a tracking number ships a confirmed or packed order " +
                                       "(through the state machine), is kept on a shipped or delivered one, and is 409 on a pending or cancelled one.")
            .Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with { Caller = Caller.From(User) }, ct), ct);
}
