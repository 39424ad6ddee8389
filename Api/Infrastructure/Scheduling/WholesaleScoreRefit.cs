using Api.Features.Wholesale.SalesScoring.Refit;
using Api.Infrastructure.Database;
using Coravel.Invocable;

namespace Api.Infrastructure.Scheduling;

/// <summary>Nightly: enqueues the Wholesale BG/NBD refit job unless one is queued or running (one instance: PreventOverlapping
/// takes the PostgreSQL advisory lock of <see cref="PostgresMutex"/>, and the job start is serialised in the database).</summary>
public sealed class WholesaleScoreRefit(IServiceScopeFactory scopes) : IInvocable
{
    public async Task Invoke()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await Job.StartAsync(db, "nightly", null, CancellationToken.None);
    }
}
