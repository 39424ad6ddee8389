using Api.Features.AdPriority.Priorities.ScheduledRescore;
using Api.Features.AdPriority.Sync.SyncSheet;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Features.AdPriority.Scheduling;

/// <summary>The commands behind the Coravel schedules: season-change rescoring, daily rescoring, scheduled sheet pushes by syncFrequency.</summary>
public sealed class SchedulesTests(AdPriorityApi api) : IClassFixture<AdPriorityApi>
{
    async Task<int> Send<T>(T cmd) where T : ICommand<int>
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(cmd);
    }

    static string SeasonNow() => DateTime.UtcNow.Month switch { 11 or 12 or 1 or 2 => "winter", 3 or 4 => "spring", 5 or 6 or 7 or 8 => "summer", _ => "fall" };

    [Fact]
    public async Task Season_change_rescores_only_the_tenants_whose_season_moved()
    {
        var (moved, _) = await api.InstallAsync();
        var (same, _) = await api.InstallAsync();
        await api.AddProductAsync(moved, "Jeans", "Men-Bottoms-Jeans Pants", [], [3]);
        await api.AddProductAsync(same, "Jeans", "Men-Bottoms-Jeans Pants", [], [3]);
        var stale = SeasonNow() == "summer" ? "winter" : "summer";
        await api.ExecAsync(moved, $"update adpriority.tenants set current_season = '{stale}' where id = '{moved}'");
        await api.ExecAsync(same, $"update adpriority.tenants set current_season = '{SeasonNow()}' where id = '{same}'");

        Assert.True(await Send(new RescoreSeasonChanges()) >= 1);
        Assert.Equal(SeasonNow(), await api.ScalarAsync<string>(moved, $"select current_season from adpriority.tenants where id = '{moved}'"));
        Assert.Equal(1, await api.ScalarAsync<int>(moved, $"select count(*) from adpriority.priority_scores where tenant_id = '{moved}'"));
        Assert.Equal(SeasonNow(), await api.ScalarAsync<string>(moved, $"select label1 from adpriority.priority_scores where tenant_id = '{moved}'"));
        Assert.Equal(0, await api.ScalarAsync<int>(same, $"select count(*) from adpriority.priority_scores where tenant_id = '{same}'"));

        Assert.True(await Send(new RescoreAll()) >= 2);
        Assert.Equal(1, await api.ScalarAsync<int>(same, $"select count(*) from adpriority.priority_scores where tenant_id = '{same}'"));
    }

    [Fact]
    public async Task Sheet_push_follows_sync_frequency()
    {
        var (due, _) = await api.InstallAsync();
        var (recent, _) = await api.InstallAsync();
        var (manual, _) = await api.InstallAsync();
        var (weekly, _) = await api.InstallAsync();
        await api.ExecAsync(due, $"update adpriority.tenants set google_sheet_id = 's1', sync_frequency = 'daily', last_sheet_sync_at = now() - interval '25 hours' where id = '{due}'");
        await api.ExecAsync(recent, $"update adpriority.tenants set google_sheet_id = 's2', sync_frequency = 'daily', last_sheet_sync_at = now() - interval '2 hours' where id = '{recent}'");
        await api.ExecAsync(manual, $"update adpriority.tenants set google_sheet_id = 's3', sync_frequency = 'manual' where id = '{manual}'");
        await api.ExecAsync(weekly, $"update adpriority.tenants set google_sheet_id = 's4', sync_frequency = 'weekly', last_sheet_sync_at = now() - interval '3 days' where id = '{weekly}'");

        await Send(new PushDue());
        int Logs(Guid t) => api.ScalarAsync<int>(t, $"select count(*) from adpriority.sync_logs where tenant_id = '{t}' and sync_type = 'sheet'").GetAwaiter().GetResult();
        Assert.Equal(1, Logs(due));
        Assert.Equal(0, Logs(recent));
        Assert.Equal(0, Logs(manual));
        Assert.Equal(0, Logs(weekly));
        Assert.Equal(1, await api.ScalarAsync<int>(due, $"select count(*) from platform.jobs where tenant_id = '{due}' and type = 'adpriority.sheet.sync'"));
    }
}
