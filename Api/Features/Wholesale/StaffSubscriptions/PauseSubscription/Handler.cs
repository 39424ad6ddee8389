using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffSubscriptions.PauseSubscription;

sealed class Handler(AppDb db, BusinessClock clock) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var moved = await StatusMachine.MoveAsync(db, req.SubId, "paused", ["active"], req.StaffId is { } s ? $"staff:{s}" : "staff", clock.Today, ct);
        if (moved.IsError) return moved.Errors;
        var m = moved.Value;
        return new Response(true, m.Status);
    }
}
