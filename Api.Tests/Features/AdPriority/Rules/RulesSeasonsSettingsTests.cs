using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.AdPriority.Rules;

/// <summary>Rules CRUD (DUPLICATE_RULE), seasons (PLAN_LIMIT, months), settings, sync status and logs.</summary>
public sealed class RulesSeasonsSettingsTests(AdPriorityApi api) : IClassFixture<AdPriorityApi>
{
    [Fact]
    public async Task Rule_crud_with_duplicates_and_matching_products()
    {
        var (id, shop) = await api.InstallAsync();
        await api.AddProductAsync(id, "A", "Men-Outerwear-Outerwear Heavy", [], [1]);
        await api.AddProductAsync(id, "B", "Women-Outerwear Heavy", [], [1]);
        var c = api.ClientFor(shop);
        var create = await c.PostCamel("/adpriority/api/rules", new
        {
            productTypePattern = "outerwear-heavy", season = "winter", basePriority = 5,
            modifiers = new { tagAdjustments = new Dictionary<string, object> { ["NAME BRAND"] = new { adjustment = 1 }, ["DEAD50"] = new { @override = 0 } } },
        });
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var rule = await create.Json();
        Assert.Equal("winter", (string?)rule["season"]);
        Assert.Equal(1, (int)rule["modifiers"]!["tagAdjustments"]!["NAME BRAND"]!["adjustment"]!);
        var ruleId = (string)rule["id"]!;

        var dup = await c.PostCamel("/adpriority/api/rules", new { productTypePattern = "Outerwear-Heavy", season = "winter", basePriority = 1 });
        Assert.Equal(HttpStatusCode.Conflict, dup.StatusCode);
        Assert.Equal("DUPLICATE_RULE", await dup.ErrorCode());
        Assert.Equal(HttpStatusCode.Created, (await c.PostCamel("/adpriority/api/rules", new { productTypePattern = "outerwear-heavy", basePriority = 3 })).StatusCode);

        var list = await (await c.GetAsync("/adpriority/api/rules")).Json();
        Assert.Equal(2, (int)list["totalRules"]!);
        Assert.Null((string?)list["rules"]![0]!["season"]);
        Assert.Equal(2, (int)list["rules"]![0]!["matchingProducts"]!);

        var put = await c.PutCamel($"/adpriority/api/rules/{ruleId}", new { basePriority = 4, modifiers = new { tagAdjustments = new Dictionary<string, object> { ["Sale"] = new { adjustment = -1 } } } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var updated = await put.Json();
        Assert.Equal(4, (int)updated["basePriority"]!);
        Assert.Equal("winter", (string?)updated["season"]);   // untouched
        Assert.Equal(-1, (int)updated["modifiers"]!["tagAdjustments"]!["Sale"]!["adjustment"]!);
        var collide = await c.PutCamel($"/adpriority/api/rules/{ruleId}", new { season = (string?)null });
        Assert.Equal(HttpStatusCode.Conflict, collide.StatusCode);
        Assert.Equal("DUPLICATE_RULE", await collide.ErrorCode());

        var del = await (await c.DeleteAsync($"/adpriority/api/rules/{ruleId}")).Json();
        Assert.True((bool)del["deleted"]!);
        Assert.Equal(2, (int)del["affectedProducts"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await c.DeleteAsync($"/adpriority/api/rules/{ruleId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.PutCamel($"/adpriority/api/rules/{ruleId}", new { basePriority = 1 })).StatusCode);
    }

    [Theory]
    [InlineData("{\"basePriority\": 3}")]
    [InlineData("{\"productTypePattern\": \"x\"}")]
    [InlineData("{\"productTypePattern\": \"x\", \"basePriority\": 6}")]
    [InlineData("{\"productTypePattern\": \"x\", \"basePriority\": 3, \"season\": \"monsoon\"}")]
    [InlineData("{\"productTypePattern\": \"x\", \"basePriority\": 3, \"modifiers\": []}")]
    [InlineData("{\"productTypePattern\": \"x\", \"basePriority\": 3, \"modifiers\": {\"tagAdjustments\": {\"a\": {\"override\": 9}}}}")]
    [InlineData("{\"productTypePattern\": \"x\", \"basePriority\": \"three\"}")]
    [InlineData("not json")]
    public async Task Invalid_rules_are_400(string body)
    {
        var (_, shop) = await api.InstallAsync();
        var rsp = await api.ClientFor(shop).PostAsync("/adpriority/api/rules", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        Assert.Equal("VALIDATION_ERROR", await rsp.ErrorCode());
    }

    [Fact]
    public async Task Rules_of_another_tenant_are_invisible()
    {
        var (_, shop) = await api.InstallAsync();
        var rule = await (await api.ClientFor(shop).PostCamel("/adpriority/api/rules", new { productTypePattern = "x", basePriority = 3 })).Json();
        var (_, other) = await api.InstallAsync();
        var o = api.ClientFor(other);
        Assert.Equal(0, (int)(await (await o.GetAsync("/adpriority/api/rules")).Json())["totalRules"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await o.PutCamel($"/adpriority/api/rules/{rule["id"]}", new { basePriority = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await o.DeleteAsync($"/adpriority/api/rules/{rule["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync("/adpriority/api/rules")).StatusCode);
    }

    [Fact]
    public async Task Seasons_list_current_and_update_on_growth()
    {
        var (_, shop) = await api.InstallAsync(plan: "growth");
        var c = api.ClientFor(shop);
        var body = await (await c.GetAsync("/adpriority/api/seasons")).Json();
        var seasons = body["seasons"]!.AsArray();
        Assert.Equal(["winter", "spring", "summer", "fall"], seasons.Select(s => (string)s!["season"]!));
        Assert.Single(seasons, s => (bool)s!["isCurrent"]!);
        Assert.Equal((string?)body["currentSeason"], (string?)body["currentSeasonCalendar"]!["season"]);
        Assert.NotNull(body["nextTransition"]!["date"]);
        Assert.True((int)body["nextTransition"]!["daysUntil"]! is > 0 and <= 366);

        var winter = (string)seasons[0]!["id"]!;
        var put = await c.PutCamel($"/adpriority/api/seasons/{winter}", new { startMonth = 12, endMonth = 2, categoryOverrides = new Dictionary<string, int> { ["outerwear-heavy"] = 5, ["Swim Shorts"] = 0 } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var s = await put.Json();
        Assert.Equal(12, (int)s["startMonth"]!);
        Assert.Equal(0, (int)s["categoryOverrides"]!["swim-shorts"]!);
        Assert.NotNull(s["updatedAt"]);

        var bad = await c.PutCamel($"/adpriority/api/seasons/{winter}", new { startMonth = 13 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("VALIDATION_ERROR", await bad.ErrorCode());
        Assert.Equal(HttpStatusCode.NotFound, (await c.PutCamel($"/adpriority/api/seasons/{Guid.NewGuid()}", new { startMonth = 1 })).StatusCode);

        var (_, other) = await api.InstallAsync(plan: "growth");
        Assert.Equal(HttpStatusCode.NotFound, (await api.ClientFor(other).PutCamel($"/adpriority/api/seasons/{winter}", new { startMonth = 1 })).StatusCode);
    }

    [Fact]
    public async Task Starter_cannot_modify_seasons()
    {
        var (id, shop) = await api.InstallAsync(plan: "starter");
        var c = api.ClientFor(shop);
        var winter = (string)(await (await c.GetAsync("/adpriority/api/seasons")).Json())["seasons"]![0]!["id"]!;
        var rsp = await c.PutCamel($"/adpriority/api/seasons/{winter}", new { startMonth = 12 });
        Assert.Equal(HttpStatusCode.Forbidden, rsp.StatusCode);
        Assert.Equal("PLAN_LIMIT", await rsp.ErrorCode());
        Assert.Equal(11, await api.ScalarAsync<int>(id, $"select start_month from adpriority.seasons where id = '{winter}'"));
    }

    [Fact]
    public async Task Settings_read_and_partial_update()
    {
        var (_, shop) = await api.InstallAsync();
        var c = api.ClientFor(shop);
        var get = await (await c.GetAsync("/adpriority/api/settings")).Json();
        Assert.Equal(shop, (string?)get["store"]!["shopifyShopDomain"]);
        Assert.False((bool)get["googleSheet"]!["configured"]!);
        Assert.Equal(3, (int)get["scoring"]!["defaultPriority"]!);
        Assert.Equal(14, (int)get["scoring"]!["newArrivalDays"]!);
        Assert.Equal("daily", (string?)get["sync"]!["frequency"]);

        var put = await c.PutCamel("/adpriority/api/settings", new
        {
            googleMerchantCenter = new { merchantId = "123456789" },
            googleSheet = new { sheetUrl = "https://docs.google.com/spreadsheets/d/1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgVE2upms/edit#gid=0" },
            scoring = new { newArrivalDays = 30 },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var s = (await put.Json())["settings"]!;
        Assert.True((bool)s["googleMerchantCenter"]!["connected"]!);
        Assert.Equal("1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgVE2upms", (string?)s["googleSheet"]!["sheetId"]);
        Assert.Equal(30, (int)s["scoring"]!["newArrivalDays"]!);
        Assert.Equal(5, (int)s["scoring"]!["newArrivalPriority"]!);   // untouched

        foreach (var bad in new object[] { new { googleSheet = new { sheetUrl = "https://evil.example.com/x" } }, new { scoring = new { defaultPriority = 9 } },
                                           new { sync = new { frequency = "minutely" } }, new { timezone = "Mars/Olympus" }, new { googleMerchantCenter = new { merchantId = "abc" } } })
            Assert.Equal(HttpStatusCode.BadRequest, (await c.PutCamel("/adpriority/api/settings", bad)).StatusCode);
    }

    [Fact]
    public async Task Sync_status_and_logs()
    {
        var (id, shop) = await api.InstallAsync();
        await api.ExecAsync(id, $"""
            insert into adpriority.sync_logs (tenant_id, sync_type, status, products_synced, started_at, completed_at) values
              ('{id}', 'shopify', 'completed', 2425, now() - interval '2 hours', now() - interval '2 hours' + interval '315 seconds'),
              ('{id}', 'sheet', 'completed', 14892, now() - interval '1 hour', now() - interval '1 hour' + interval '150 seconds'),
              ('{id}', 'sheet', 'failed', 0, now() - interval '3 hours', now() - interval '3 hours');
            """);
        var c = api.ClientFor(shop);
        var status = await (await c.GetAsync("/adpriority/api/sync/status")).Json();
        Assert.Equal("sheet", (string?)status["lastSync"]!["syncType"]);
        Assert.Equal(150, (int)status["lastSync"]!["durationSeconds"]!);
        Assert.Empty(status["lastSync"]!["errors"]!.AsArray());
        Assert.False((bool)status["sheetConfigured"]!);
        Assert.Null(status["nextScheduledSync"]);
        Assert.Equal("daily", (string?)status["syncFrequency"]);

        var logs = await (await c.GetAsync("/adpriority/api/sync/logs?syncType=sheet")).Json();
        Assert.Equal(2, (int)logs["pagination"]!["total"]!);
        Assert.Equal(20, (int)logs["pagination"]!["limit"]!);
        Assert.Single((await (await c.GetAsync("/adpriority/api/sync/logs?status=failed")).Json())["logs"]!.AsArray());
        Assert.Equal(3, (int)(await (await c.GetAsync("/adpriority/api/sync/logs?page=9")).Json())["pagination"]!["total"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await c.GetAsync("/adpriority/api/sync/logs?limit=101")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await c.GetAsync("/adpriority/api/sync/logs?syncType=ftp")).StatusCode);

        var (_, other) = await api.InstallAsync();
        Assert.Empty((await (await api.ClientFor(other).GetAsync("/adpriority/api/sync/logs")).Json())["logs"]!.AsArray());
        Assert.Null((await (await api.ClientFor(other).GetAsync("/adpriority/api/sync/status")).Json())["lastSync"]);
    }
}
