using Api.Infrastructure.Database;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Platform.Jobs.PurgeFinishedJobs;

/// <summary>Deletes finished jobs (succeeded, failed, cancelled) older than <see cref="Days"/>. Scheduled daily.</summary>
sealed record Command(int Days) : ICommand<int>;

sealed class Handler(AppDb db) : ICommandHandler<Command, int>
{
    static readonly string PurgeSql = Sql.Load<Handler>("PurgeFinishedJobs.sql");

    public async ValueTask<int> Handle(Command cmd, CancellationToken ct) =>
        await db.ExecuteAsync(PurgeSql, new { cmd.Days }, ct);
}
