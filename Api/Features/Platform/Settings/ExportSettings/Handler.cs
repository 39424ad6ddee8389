using Api.Infrastructure.Database;
using Api.Infrastructure.Jobs;
using Api.Infrastructure.Modules;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using Mediator;

namespace Api.Features.Platform.Settings.ExportSettings;

sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTenantAsync(ct);
        var id = await JobQueue.EnqueueAsync(db, Job.Type, new Job.Payload(DateTimeOffset.UtcNow), tenant.Id, maxAttempts: 3, ct: ct);
        await tx.CommitAsync(ct);
        return new Response(id, "queued", $"{Modules.Platform.BasePath}/v1/jobs/{id}");
    }
}
