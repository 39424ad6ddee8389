using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.SalesScoring.Recompute;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct) =>
        await Refit.Job.StartAsync(db, "manual", req.StaffId, ct) is { } jobId
            ? new Response(true, "Score recompute started", jobId)
            : Error.Conflict("Scores.RecomputeRunning", "A score recompute is already queued or running");
}
