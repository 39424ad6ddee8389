using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.AdPriority.Gdpr.PurgeTenant;

/// <summary>Deletes every row of a shop's tenant (shop/redact, and the scheduled purge 48 h after uninstall) and counts them.</summary>
sealed record Command(string Shop) : ICommand<Counts>;

/// <summary>Purges every tenant whose uninstall grace period (<c>delete_after</c>) has passed. Scheduled hourly.</summary>
sealed record PurgeDue : ICommand<int>;

public sealed record Counts(int Products, int Variants, int PriorityScores, int CategoryRules, int SeasonalCalendars, int SyncLogs, int Billing);

sealed class Handler(AppDb db, TenantContext tenant, IMediator mediator) : ICommandHandler<Command, Counts>, ICommandHandler<PurgeDue, int>
{
    static readonly string CountSql = Sql.Load<Handler>("PurgeTenant.sql");
    static readonly string PurgeSql = Sql.Load<Handler>("PurgeRows.sql");

    public async ValueTask<Counts> Handle(Command cmd, CancellationToken ct)
    {
        var ids = await db.QueryToListAsync<Guid>("select id from adpriority.tenants where shop_domain = @Shop", new { cmd.Shop }, ct);
        if (ids is not [var id])
        {
            await db.ExecuteAsync("delete from adpriority.oauth_nonces where shop_domain = @Shop", new { cmd.Shop }, ct);
            return new Counts(0, 0, 0, 0, 0, 0, 0);
        }
        tenant.Set(id.ToString());
        await using var tx = await db.BeginTenantAsync(ct);
        var counts = (await db.QueryToListAsync<Counts>(CountSql, new { TenantId = id }, ct)).Single();
        await db.ExecuteAsync(PurgeSql, new { TenantId = id, cmd.Shop }, ct);
        await tx.CommitAsync(ct);
        return counts;
    }

    public async ValueTask<int> Handle(PurgeDue cmd, CancellationToken ct)
    {
        var due = await db.QueryToListAsync<string>(
            "select shop_domain from adpriority.tenants where status = 'uninstalled' and delete_after <= now() order by delete_after limit 100", ct);
        foreach (var shop in due) await mediator.Send(new Command(shop), ct);
        return due.Count;
    }
}
