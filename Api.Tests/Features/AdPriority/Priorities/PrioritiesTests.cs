using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.AdPriority.Priorities;

/// <summary>GET /api/priorities, PUT /api/priorities/{variantId}, POST /api/priorities/recalculate.</summary>
public sealed class PrioritiesTests(AdPriorityApi api) : IClassFixture<AdPriorityApi>
{
    const string Recalc = "/adpriority/api/priorities/recalculate";

    async Task<(Guid Tenant, HttpClient Client, Guid[] Jeans, Guid[] Hoodie)> Shop()
    {
        var (id, shop) = await api.InstallAsync();
        await api.ExecAsync(id, $"insert into adpriority.category_rules (tenant_id, product_type_pattern, season, base_priority) values ('{id}', 'jeans-pants', null, 4), ('{id}', 'hoodies', null, 2)");
        var (_, jeans) = await api.AddProductAsync(id, "Jeans", "Men-Bottoms-Jeans Pants", [], [5, 0, 7]);
        var (_, hoodie) = await api.AddProductAsync(id, "Hoodie", "Men-Tops-Hoodies", [], [3]);
        return (id, api.ClientFor(shop), jeans, hoodie);
    }

    /// <summary>The unfiltered summary (read from score_summary) agrees with an aggregate over the live scores.</summary>
    async Task AssertStoredSummary(Guid tenant, HttpClient client)
    {
        var summary = (await (await client.GetAsync("/adpriority/api/priorities?limit=1")).Json())["summary"]!;
        var expected = await api.ScalarAsync<string>(tenant, $"""
            select coalesce(string_agg(format('%s:%s:%s', priority, n, o), ',' order by priority), '') || '|' || coalesce(to_char(max(m) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), '-')
            from (select s.priority, count(*) n, count(*) filter (where s.is_override) o, max(s.calculated_at) m
                    from adpriority.priority_scores s join adpriority.variants v on v.id = s.variant_id and v.deleted_at is null
                    join adpriority.products p on p.id = v.product_id and p.deleted_at is null
                   where s.tenant_id = '{tenant}' group by s.priority) x
            """);
        var dist = summary["distribution"]!.AsObject().Where(kv => (int)kv.Value! > 0).Select(kv => $"{kv.Key}:{(int)kv.Value!}");
        var lockedTotal = await api.ScalarAsync<int>(tenant, $"""
            select count(*) from adpriority.priority_scores s join adpriority.variants v on v.id = s.variant_id and v.deleted_at is null
            join adpriority.products p on p.id = v.product_id and p.deleted_at is null where s.tenant_id = '{tenant}' and s.is_override
            """);
        Assert.Equal(string.Join(',', expected.Split('|')[0].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(e => string.Join(':', e.Split(':')[..2]))), string.Join(',', dist));
        Assert.Equal(lockedTotal, (int)summary["totalOverrides"]!);
        var last = summary["lastCalculated"] is { } l ? ((DateTime)l).ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture) : "-";
        Assert.Equal(expected.Split('|')[1], last);
    }

    [Fact]
    public async Task Recalculate_reports_changes_and_distribution_and_dry_run_writes_nothing()
    {
        var (tenant, client, _, _) = await Shop();
        var first = await (await client.PostCamel(Recalc, new { })).Json();
        Assert.Equal(4, (int)first["recalculated"]!);
        Assert.Equal(0, (int)first["skippedOverrides"]!);
        Assert.Equal(4, (int)first["changes"]!["unchanged"]!);   // first scores have nothing to change from
        Assert.Equal(1, (int)first["distribution"]!["0"]!);
        Assert.Equal(1, (int)first["distribution"]!["2"]!);
        Assert.Equal(2, (int)first["distribution"]!["4"]!);
        Assert.NotNull(first["calculatedAt"]);

        await api.ExecAsync(tenant, "update adpriority.category_rules set base_priority = 5 where product_type_pattern = 'jeans-pants'");
        var dry = await (await client.PostCamel(Recalc, new { dryRun = true })).Json();
        Assert.Equal(2, (int)dry["changes"]!["increased"]!);
        Assert.Equal(2, (int)dry["distribution"]!["5"]!);
        Assert.Equal(0, await api.ScalarAsync<int>(tenant, "select count(*) from adpriority.priority_scores where priority = 5"));

        var scoped = await (await client.PostCamel(Recalc, new { productTypes = new[] { "Men-Tops-Hoodies" } })).Json();
        Assert.Equal(1, (int)scoped["recalculated"]!);
        var real = await (await client.PostCamel(Recalc, new { includeOverrides = false, dryRun = false })).Json();
        Assert.Equal(2, (int)real["changes"]!["increased"]!);
        Assert.Equal(2, await api.ScalarAsync<int>(tenant, "select count(*) from adpriority.priority_scores where priority = 5"));
        await AssertStoredSummary(tenant, client);
    }

    [Fact]
    public async Task Manual_override_is_locked_until_includeOverrides()
    {
        var (tenant, client, jeans, _) = await Shop();
        await client.PostCamel(Recalc, new { });
        await AssertStoredSummary(tenant, client);
        var put = await client.PutCamel($"/adpriority/api/priorities/{jeans[0]}", new { priority = 1, overrideReason = "Bestseller - always push hard" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var body = await put.Json();
        Assert.Equal(1, (int)body["priority"]!);
        Assert.Equal(4, (int)body["previousPriority"]!);
        Assert.True((bool)body["override"]!);
        Assert.Equal("Bestseller - always push hard", (string?)body["overrideReason"]);
        Assert.Equal("priority-1", (string?)body["customLabels"]!["label0"]);
        Assert.Equal("jeans-pants", (string?)body["customLabels"]!["label2"]);

        var again = await (await client.PostCamel(Recalc, new { })).Json();
        Assert.Equal(1, (int)again["skippedOverrides"]!);
        Assert.Equal(3, (int)again["recalculated"]!);
        var list = await (await client.GetAsync("/adpriority/api/priorities?override=true")).Json();
        Assert.Equal(1, (int)list["priorities"]![0]!["priority"]!);
        Assert.Equal(1, (int)list["summary"]!["totalOverrides"]!);
        await AssertStoredSummary(tenant, client);

        var includeRsp = await client.PostCamel(Recalc, new { includeOverrides = true });
        var include = await includeRsp.Json();
        Assert.True(include["changes"] is not null, include.ToJsonString());
        Assert.Equal(1, (int)include["changes"]!["increased"]!);
        Assert.Empty((await (await client.GetAsync("/adpriority/api/priorities?override=true")).Json())["priorities"]!.AsArray());
        await AssertStoredSummary(tenant, client);
    }

    [Fact]
    public async Task Unlocked_manual_priority_follows_the_next_recalculation()
    {
        var (_, client, jeans, _) = await Shop();
        var body = await (await client.PutCamel($"/adpriority/api/priorities/{jeans[0]}", new { priority = 2, @override = false })).Json();
        Assert.False((bool)body["override"]!);
        Assert.Equal(4, (int)body["previousPriority"]!);   // scored on the fly before the change
        await client.PostCamel(Recalc, new { });
        var detail = await (await client.GetAsync("/adpriority/api/priorities?productType=Men-Bottoms-Jeans%20Pants&minPriority=4")).Json();
        Assert.Equal(2, detail["priorities"]!.AsArray().Count);
    }

    [Fact]
    public async Task List_filters_and_summarises()
    {
        var (tenant, client, _, _) = await Shop();
        await client.PostCamel(Recalc, new { });
        var all = await (await client.GetAsync("/adpriority/api/priorities")).Json();
        Assert.Equal(4, (int)all["pagination"]!["total"]!);
        Assert.Equal(4, (int)all["summary"]!["totalScored"]!);
        Assert.Equal(2, (int)all["summary"]!["distribution"]!["4"]!);
        var first = all["priorities"]![0]!;
        Assert.StartsWith("shopify_US_", (string?)first["gmcProductId"]);
        Assert.Equal("Hoodie", (string?)first["productTitle"]);
        async Task<int> Count(string q) => (int)(await (await client.GetAsync("/adpriority/api/priorities?" + q)).Json())["pagination"]!["total"]!;
        Assert.Equal(2, await Count("priority=4"));
        Assert.Equal(3, await Count("minPriority=1"));
        Assert.Equal(2, await Count("maxPriority=2"));
        Assert.Equal(3, await Count("categoryGroup=jeans-pants"));
        // filters combine (each combination is its own statement): the jeans in stock, and their summary
        var combined = await (await client.GetAsync("/adpriority/api/priorities?categoryGroup=jeans-pants&minPriority=1&maxPriority=5&override=false")).Json();
        Assert.Equal(2, (int)combined["pagination"]!["total"]!);
        Assert.Equal(2, (int)combined["summary"]!["distribution"]!["4"]!);
        Assert.Equal(0, (int)combined["summary"]!["distribution"]!["0"]!);
        Assert.All(combined["priorities"]!.AsArray(), p => Assert.Equal("jeans-pants", (string?)p!["customLabels"]!["label2"]));
        Assert.Equal(0, await Count("categoryGroup=jeans-pants&productType=Men-Tops-Hoodies"));
        Assert.Equal(1, await Count("priority=2&productType=Men-Tops-Hoodies&needsSync=true"));
        Assert.Equal(1, await Count("productType=Men-Tops-Hoodies"));
        Assert.Equal(4, await Count("needsSync=true"));
        await api.ExecAsync(tenant, $"update adpriority.tenants set last_sheet_sync_at = now() + interval '1 minute' where id = '{tenant}'");
        Assert.Equal(0, await Count("needsSync=true"));
        Assert.Equal(4, await Count("needsSync=false"));
        Assert.Single((await (await client.GetAsync("/adpriority/api/priorities?limit=1&page=2")).Json())["priorities"]!.AsArray());
    }

    [Fact]
    public async Task List_follows_catalog_changes_made_after_scoring()
    {
        // the list reads title, type, Shopify ids, sku and liveness from columns on priority_scores kept current by triggers
        var (tenant, client, jeans, hoodie) = await Shop();
        await client.PostCamel(Recalc, new { });
        async Task<System.Text.Json.Nodes.JsonNode> List(string q = "") => await (await client.GetAsync("/adpriority/api/priorities?" + q)).Json();

        await api.ExecAsync(tenant, $"update adpriority.products set title = 'Aaa Jeans', product_type = 'Women-Bottoms-Jeans Pants', shopify_product_id = 4242 where id = (select product_id from adpriority.variants where id = '{jeans[0]}')");
        await api.ExecAsync(tenant, $"update adpriority.variants set sku = 'NEW-SKU', shopify_variant_id = 777 where id = '{jeans[1]}'");
        var all = await List();
        var items = all["priorities"]!.AsArray();
        Assert.Equal(["Aaa Jeans", "Aaa Jeans", "Aaa Jeans", "Hoodie"], items.Select(i => (string)i!["productTitle"]!).ToArray());
        Assert.Equal("777", (string?)items[0]!["shopifyVariantId"]);   // within a product: by Shopify variant id
        Assert.Equal("NEW-SKU", (string?)items[0]!["sku"]);
        Assert.Equal("shopify_US_4242_777", (string?)items[0]!["gmcProductId"]);
        Assert.Equal(3, (int)(await List("productType=Women-Bottoms-Jeans%20Pants"))["pagination"]!["total"]!);
        Assert.Equal(0, (int)(await List("productType=Men-Bottoms-Jeans%20Pants"))["pagination"]!["total"]!);

        // soft-deleted variant, then soft-deleted product: gone from the page and the summary; restored: back
        await AssertStoredSummary(tenant, client);
        await api.ExecAsync(tenant, $"update adpriority.variants set deleted_at = now() where id = '{jeans[2]}'");
        Assert.Equal(3, (int)(await List())["summary"]!["totalScored"]!);
        await AssertStoredSummary(tenant, client);
        await api.ExecAsync(tenant, $"update adpriority.products set deleted_at = now() where id = (select product_id from adpriority.variants where id = '{hoodie[0]}')");
        var left = await List();
        Assert.Equal(2, (int)left["pagination"]!["total"]!);
        Assert.Equal(0, (int)left["summary"]!["distribution"]!["2"]!);
        await AssertStoredSummary(tenant, client);
        await api.ExecAsync(tenant, $"update adpriority.products set deleted_at = null where id = (select product_id from adpriority.variants where id = '{hoodie[0]}')");
        Assert.Equal(3, (int)(await List())["pagination"]!["total"]!);
        await AssertStoredSummary(tenant, client);

        // hard deletes take the scores with them (statement-level triggers instead of the old foreign-key cascades)
        await api.ExecAsync(tenant, $"delete from adpriority.variants where id = '{jeans[2]}'");
        await api.ExecAsync(tenant, $"delete from adpriority.products where id = (select product_id from adpriority.variants where id = '{hoodie[0]}')");
        Assert.Equal(2, await api.ScalarAsync<int>(tenant, $"select count(*) from adpriority.priority_scores where tenant_id = '{tenant}'"));
        await AssertStoredSummary(tenant, client);
    }

    [Fact]
    public async Task Errors_use_the_documented_envelope()
    {
        var (_, client, jeans, _) = await Shop();
        var bad = await client.PutCamel($"/adpriority/api/priorities/{jeans[0]}", new { priority = 7 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var err = (await bad.Json())["error"]!;
        Assert.Equal("VALIDATION_ERROR", (string?)err["code"]);
        Assert.Equal("Priority must be between 0 and 5", (string?)err["message"]);
        Assert.Equal("priority", (string?)err["details"]!["field"]);
        Assert.Equal(7, (int)err["details"]!["value"]!);
        Assert.Equal("range:0-5", (string?)err["details"]!["constraint"]);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutCamel($"/adpriority/api/priorities/{jeans[0]}", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsync($"/adpriority/api/priorities/{jeans[0]}", new StringContent("{\"priority\":", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutCamel($"/adpriority/api/priorities/{jeans[0]}", new { priority = "high" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/adpriority/api/priorities?minPriority=4&maxPriority=2")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/adpriority/api/priorities?limit=300")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostCamel(Recalc, new { productTypes = "Men" })).StatusCode);

        var missing = await client.PutCamel($"/adpriority/api/priorities/{Guid.NewGuid()}", new { priority = 3 });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("NOT_FOUND", await missing.ErrorCode());
    }

    /// <summary>
    /// Issue 20 §4: the category filter (the bench's 16-connection tail) is a range of priority_scores_category in the plan
    /// PostgreSQL caches for a prepared statement (generic plan), for both the summary and the page, not a scan of every
    /// live score of the tenant. Sequential scans are off so the tiny test table does not decide the plan.
    /// </summary>
    [Fact]
    public async Task Category_filter_reads_its_own_index_range_in_the_prepared_plan()
    {
        var (tenant, client, _, _) = await Shop();
        await client.PostCamel(Recalc, new { });
        var req = new Api.Features.AdPriority.Priorities.ListPriorities.Request { Page = 2, MinPriority = 2, MaxPriority = 5, CategoryGroup = "jeans-pants" };
        var (summarySql, pageSql) = Api.Features.AdPriority.Priorities.ListPriorities.Handler.Statements(req);
        var values = new Dictionary<string, (string Type, string Literal)>
        {
            ["TenantId"] = ("uuid", $"'{tenant}'"), ["MinPriority"] = ("int", "2"), ["MaxPriority"] = ("int", "5"),
            ["CategoryGroup"] = ("text", "'jeans-pants'"), ["Limit"] = ("int", "50"), ["Offset"] = ("bigint", "50"),
        };
        foreach (var sql in new[] { summarySql, pageSql })
        {
            Assert.DoesNotContain("is null or", sql);
            // @Name → $n as a server-side prepared statement, as Npgsql's automatic preparation sends it
            var names = System.Text.RegularExpressions.Regex.Matches(sql, @"@(\w+)").Select(m => m.Groups[1].Value).Distinct().ToList();
            var text = System.Text.RegularExpressions.Regex.Replace(sql, @"@(\w+)", m => "$" + (names.IndexOf(m.Groups[1].Value) + 1));
            await using var conn = api.AppConnection();
            await conn.OpenAsync();
            await using var tx = await conn.BeginTransactionAsync();
            await using (var set = new Npgsql.NpgsqlCommand($"""
                select set_config('app.tenant_id', '{tenant}', true);
                set local plan_cache_mode = force_generic_plan;
                set local enable_seqscan = off;
                prepare list_statement ({string.Join(", ", names.Select(n => values[n].Type))}) as {text}
                """, conn, tx)) await set.ExecuteNonQueryAsync();
            var plan = new List<string>();
            await using (var explain = new Npgsql.NpgsqlCommand($"explain (costs off) execute list_statement ({string.Join(", ", names.Select(n => values[n].Literal))})", conn, tx))
            await using (var r = await explain.ExecuteReaderAsync())
                while (await r.ReadAsync()) plan.Add(r.GetString(0));
            var planText = string.Join('\n', plan);
            Assert.Contains("priority_scores_category", planText);
            Assert.Contains(plan, l => l.Contains("Index Cond") && l.Contains("label2 = $"));
        }
    }

    [Fact]
    public async Task Other_tenant_cannot_touch_scores()
    {
        var (_, client, jeans, _) = await Shop();
        await client.PostCamel(Recalc, new { });
        var (_, otherShop) = await api.InstallAsync();
        var other = api.ClientFor(otherShop);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutCamel($"/adpriority/api/priorities/{jeans[0]}", new { priority = 0 })).StatusCode);
        Assert.Equal(0, (int)(await (await other.GetAsync("/adpriority/api/priorities")).Json())["pagination"]!["total"]!);
        Assert.Equal(0, (int)(await (await other.PostCamel(Recalc, new { })).Json())["recalculated"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().PostCamel(Recalc, new { })).StatusCode);
    }

    [Fact]
    public async Task Recalculate_is_limited_to_5_per_minute()
    {
        var (_, client, _, _) = await Shop();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 6; i++) last = await client.PostCamel(Recalc, new { dryRun = true });
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Equal("RATE_LIMITED", await last.ErrorCode());
        Assert.Equal("5", last.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.True(last.Headers.Contains("X-RateLimit-Reset"));
        Assert.True(last.Headers.Contains("Retry-After"));
    }
}
