using System.Net;
using Api.Tests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Features.PriceWatch.Schedule;

public sealed class ScheduleTests(PriceWatchFactory api) : IClassFixture<PriceWatchFactory>
{
    const string Base = "/pricewatch/api/schedule";

    [Fact]
    public async Task Plan_minimums_apply()
    {
        var free = await PwTenant.CreateAsync(api, "free");
        Assert.Equal(HttpStatusCode.NotFound, (await free.Client().GetAsync(Base)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await free.Client().PutJson(Base, new { enabled = true, interval_hours = 24 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await free.Client().PutJson(Base, new { enabled = false, interval_hours = 24 })).StatusCode);

        var pro = await PwTenant.CreateAsync(api, "pro");
        var tooOften = await pro.Client().PutJson(Base, new { enabled = true, interval_hours = 6 });
        Assert.Equal(HttpStatusCode.Forbidden, tooOften.StatusCode);
        Assert.Contains("24 hours", (string?)(await tooOften.Json())["detail"]);
        var ok = await pro.Client().PutJson(Base, new { enabled = true, interval_hours = 24 });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var got = await (await pro.Client().GetAsync(Base)).Json();
        Assert.Equal(24, (int)got["interval_hours"]!);
        Assert.NotNull(got["next_run_at"]);

        var enterprise = await PwTenant.CreateAsync(api, "enterprise");
        Assert.Equal(HttpStatusCode.OK, (await enterprise.Client().PutJson(Base, new { enabled = true, interval_hours = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await enterprise.Client().PutJson(Base, new { enabled = true, interval_hours = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await enterprise.Client().PutJson(Base, new { interval_hours = 2 })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await pro.Client().DeleteAsync(Base)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pro.Client().DeleteAsync(Base)).StatusCode);
        var viewer = await pro.AddAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await pro.Client(viewer).PutJson(Base, new { enabled = false, interval_hours = 24 })).StatusCode);
    }

    [Fact]
    public async Task The_scheduler_enqueues_due_scrapes_for_plans_with_auto_scrape_only()
    {
        var pro = await PwTenant.CreateAsync(api, "pro");
        await PwData.SeedAsync(api, pro.Id, "http://127.0.0.1:9/unreachable", ("Jar", 1, 1));
        await pro.Client().PutJson(Base, new { enabled = true, interval_hours = 24 });
        var downgraded = await PwTenant.CreateAsync(api, "pro");
        await PwData.SeedAsync(api, downgraded.Id, "http://127.0.0.1:9/unreachable", ("Jar", 1, 1));
        await downgraded.Client().PutJson(Base, new { enabled = true, interval_hours = 24 });
        await Pw.ExecAsync(api, null, "update pricewatch.scrape_schedules set next_run_at = now() - interval '1 minute' where tenant_id = any(@ids)",
            ("ids", new[] { pro.Id, downgraded.Id }));
        await Pw.ExecAsync(api, downgraded.Id, "update pricewatch.subscriptions set plan_id = 'free' where tenant_id = @t", ("t", downgraded.Id));

        using var scope = api.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Api.Features.PriceWatch.Schedule.RunDueScrapes.Command());
        Assert.Equal(1L, await Pw.ScalarAsync<long>(api, "select count(*) from pricewatch.scrape_sessions where tenant_id = @t and trigger = 'schedule'", ("t", pro.Id)));
        Assert.Equal(0L, await Pw.ScalarAsync<long>(api, "select count(*) from pricewatch.scrape_sessions where tenant_id = @t", ("t", downgraded.Id)));
        var next = await Pw.ScalarAsync<DateTime>(api, "select next_run_at from pricewatch.scrape_schedules where tenant_id = @t", ("t", pro.Id));
        Assert.True(next > DateTime.UtcNow.AddHours(23));
        // not due any more: a second run starts nothing
        using var scope2 = api.Services.CreateScope();
        Assert.Equal(0, await scope2.ServiceProvider.GetRequiredService<IMediator>().Send(new Api.Features.PriceWatch.Schedule.RunDueScrapes.Command()));
    }
}
