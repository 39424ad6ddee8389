using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.SalesScoring;

/// <summary>The refit job end to end: scores appear after a recompute, the list and single reads, 409 while a refit is queued,
/// a failing fit keeps the previous scores with the reason, and reps cannot trigger it.</summary>
public sealed class ScoresTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>Customers with a fixed rhythm of orders over the past year (some stop ordering; one buys once).</summary>
    async Task<List<long>> SeedHistoryAsync(int customers)
    {
        var ids = new List<long>();
        var rnd = new Random(7);
        for (var c = 0; c < customers; c++)
        {
            var id = (await api.CreateCustomerAsync()).Id;
            ids.Add(id);
            var interval = 7 + rnd.Next(0, 40);
            var start = 360 - rnd.Next(0, 60);
            var stopAt = c % 4 == 0 ? 200 : 0;            // a quarter stopped ordering ~200 days ago
            var count = c == 0 ? 1 : 0;
            for (var day = start; day >= stopAt; day -= interval)
            {
                await api.Exec("""
                    insert into wholesale.orders (order_number, customer_id, status, subtotal, total_amount, payment_status, created_at)
                    values ($1, $2, 'delivered', $3, $3, 'paid', now() - make_interval(days => $4))
                    """, WsKit.Unique("LLD-T"), id, 50m + rnd.Next(0, 200), day);
                if (c == 0 && ++count > 1) break;
            }
        }
        return ids;
    }

    async Task<JsonNode> RecomputeAndWaitAsync(HttpClient admin)
    {
        var rsp = await admin.PostAsync($"{WsKit.Base}/api/scores/recompute", null);
        Assert.Equal(HttpStatusCode.Accepted, rsp.StatusCode);
        var jobId = (long)(await rsp.Json())["job_id"]!;
        // this test is about what the job does, not how fast (the fit and recompute have their own bench targets): the
        // 20 s it had ran out once in a clean-clone CI run on a machine shared with four builds, the job still running
        var sw = System.Diagnostics.Stopwatch.StartNew();
        string? status = null;
        while (sw.Elapsed < TimeSpan.FromSeconds(120))
        {
            status = await api.Scalar<string>("select status from platform.jobs where id = $1", jobId);
            if (status is "succeeded" or "failed") return JsonNode.Parse(await api.Scalar<string>("select coalesce(result::text, '{}') from platform.jobs where id = $1", jobId))!;
            await Task.Delay(100);
        }
        throw new TimeoutException($"refit job {jobId} did not finish in {sw.Elapsed.TotalSeconds:0} s (status {status})");
    }

    [Fact]
    public async Task Recompute_scores_every_buyer_and_the_list_filters_and_orders()
    {
        var ids = await SeedHistoryAsync(40);
        var admin = await api.StaffClientAsync("admin");
        var before = await admin.GetAsync($"{WsKit.Base}/api/customers/{ids[1]}/score");
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);

        var result = await RecomputeAndWaitAsync(admin);
        Assert.Equal("succeeded", (string)result["status"]!);
        Assert.NotNull(result["holdout"]);

        var staff = await api.StaffClientAsync("sales_rep");
        var one = await (await staff.GetAsync($"{WsKit.Base}/api/customers/{ids[1]}/score")).Json();
        Assert.InRange((double)one["p_alive"]!, 0.0, 1.0);
        Assert.True((double)one["expected_orders_90d"]! >= 0);
        Assert.True((int)one["x"]! >= 1);
        Assert.NotNull(one["t_x"]);
        Assert.NotNull(one["T"]);
        var single = await (await staff.GetAsync($"{WsKit.Base}/api/customers/{ids[0]}/score")).Json();
        Assert.Equal("new", (string)single["tier"]!);
        Assert.Equal(1.0, (double)single["p_alive"]!);

        var list = await (await staff.GetAsync($"{WsKit.Base}/api/customers/scores?per_page=100")).Json();
        Assert.Equal(40, (int)list["total"]!);
        Assert.NotNull(list["last_computed"]);
        var results = list["results"]!.AsArray();
        Assert.Equal("new", (string)results[^1]!["tier"]!);            // never ranked above lapsing buyers
        var counts = list["tier_counts"]!.AsObject();
        Assert.Equal(40, counts.Sum(kv => (int)kv.Value!));
        Assert.Equal(1, (int)counts["new"]!);

        var lapsed = await (await staff.GetAsync($"{WsKit.Base}/api/customers/scores?max_p_alive=0.5&ordering=p_alive")).Json();
        foreach (var r in lapsed["results"]!.AsArray()) Assert.True((double)r!["p_alive"]! <= 0.5);
        var bad = await staff.GetAsync($"{WsKit.Base}/api/customers/scores?ordering=password_hash");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await bad.Json())["details"]);

        // a queued refit makes another one 409; a rep may not start one
        await api.Exec("insert into platform.jobs (type, payload, run_after) values ('wholesale.scores.refit', '{}', now() + interval '1 day')");
        try
        {
            Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"{WsKit.Base}/api/scores/recompute", null)).StatusCode);
        }
        finally { await api.Exec("delete from platform.jobs where type = 'wholesale.scores.refit' and status = 'queued'"); }
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"{WsKit.Base}/api/scores/recompute", null)).StatusCode);

        // a failing fit (here: history gone) keeps the previous scores and records why
        var scoredBefore = await api.Scalar<long>("select count(*) from wholesale.customer_scores");
        await api.Exec("update wholesale.orders set status = 'cancelled' where customer_id = any($1)", ids.ToArray());
        var failed = await RecomputeAndWaitAsync(admin);
        Assert.Equal("failed", (string)failed["status"]!);
        Assert.Equal(scoredBefore, await api.Scalar<long>("select count(*) from wholesale.customer_scores"));
        var after = await (await staff.GetAsync($"{WsKit.Base}/api/customers/scores")).Json();
        Assert.Equal("failed", (string)after["last_run"]!["status"]!);
        Assert.Contains("too few", (string)after["last_run"]!["error"]!);
        await api.Exec("update wholesale.orders set status = 'delivered' where customer_id = any($1)", ids.ToArray());
    }
}
