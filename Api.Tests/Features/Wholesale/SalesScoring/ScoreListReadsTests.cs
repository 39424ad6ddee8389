using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.SalesScoring;

/// <summary>The scores list's fast paths (issue 14 performance) give what the plain SQL gives: the default order, a tier filter
/// with a descending ordering (tier_rank left out), totals from the run's stored tier counts, and the counted fallback when a
/// run has none.</summary>
public sealed class ScoreListReadsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    async Task SeedAndRecomputeAsync(int customers)
    {
        var rnd = new Random(11);
        for (var c = 0; c < customers; c++)
        {
            var id = (await api.CreateCustomerAsync()).Id;
            var interval = 7 + rnd.Next(0, 40);
            var stopAt = c % 4 == 0 ? 200 : 0;
            var spend = 40 + rnd.Next(0, 400);                // each customer its own basket size: the Gamma-Gamma fit needs spread between customers
            for (var day = 360 - rnd.Next(0, 60); day >= stopAt; day -= interval)
            {
                await api.Exec("""
                    insert into wholesale.orders (order_number, customer_id, status, subtotal, total_amount, payment_status, created_at)
                    values ($1, $2, 'delivered', $3, $3, 'paid', now() - make_interval(days => $4))
                    """, WsKit.Unique("SLR-T"), id, Math.Round(spend * (0.2m + (decimal)rnd.NextDouble() * 1.6m), 2), day);
                if (c % 7 == 0) break;                      // some buy once: tier new
            }
        }
        var admin = await api.StaffClientAsync("admin");
        var rsp = await admin.PostAsync($"{WsKit.Base}/api/scores/recompute", null);
        Assert.Equal(HttpStatusCode.Accepted, rsp.StatusCode);
        var jobId = (long)(await rsp.Json())["job_id"]!;
        for (var i = 0; i < 200; i++)
        {
            if (await api.Scalar<string>("select status from platform.jobs where id = $1", jobId) is "succeeded" or "failed") break;
            await Task.Delay(100);
        }
        var run = await api.Scalar<string>("select status || coalesce(': ' || error, '') from wholesale.score_runs order by id desc limit 1");
        Assert.True(run == "succeeded", run);
    }

    static long[] Ids(JsonNode list) => list["results"]!.AsArray().Select(r => (long)r!["customer_id"]!).ToArray();

    [Fact]
    public async Task List_orders_totals_and_tier_counts_match_the_plain_sql()
    {
        await SeedAndRecomputeAsync(36);
        var staff = await api.StaffClientAsync("sales_rep");
        var all = await api.Scalar<long>("select count(*) from wholesale.customer_scores");

        var list = await (await staff.GetAsync($"{WsKit.Base}/api/customers/scores?per_page=200")).Json();
        Assert.Equal(all, (long)list["total"]!);
        Assert.Equal(await api.Scalar<long[]>(
            "select array_agg(customer_id order by tier_rank desc, expected_orders_90d desc nulls last, customer_id) from wholesale.customer_scores"),
            Ids(list));
        var sqlCounts = await api.Scalar<string>("select jsonb_object_agg(tier, n)::text from (select tier, count(*) n from wholesale.customer_scores group by tier) t");
        var expected = JsonNode.Parse(sqlCounts)!.AsObject();
        var counts = list["tier_counts"]!.AsObject();
        foreach (var t in new[] { "champion", "active", "at_risk", "lapsed", "new" })
            Assert.Equal(expected[t] is null ? 0 : (long)expected[t]!, (long)counts[t]!);

        var tier = await api.Scalar<string>("select tier from wholesale.customer_scores where tier <> 'new' group by tier order by count(*) desc limit 1");
        var paged = await (await staff.GetAsync($"{WsKit.Base}/api/customers/scores?tier={tier}&ordering=-predicted_value_12m&page=2&per_page=3")).Json();
        Assert.Equal(await api.Scalar<long>("select count(*) from wholesale.customer_scores where tier = $1", tier), (long)paged["total"]!);
        Assert.Equal(await api.Scalar<long[]>("""
            select coalesce(array_agg(customer_id), '{}') from (select customer_id from wholesale.customer_scores where tier = $1
            order by tier_rank desc, value_12m desc nulls last, customer_id offset 3 limit 3) t
            """, tier), Ids(paged));

        var alive = await (await staff.GetAsync($"{WsKit.Base}/api/customers/scores?min_p_alive=0.5&ordering=-p_alive&per_page=200")).Json();
        Assert.Equal(await api.Scalar<long>("select count(*) from wholesale.customer_scores where p_alive >= 0.5"), (long)alive["total"]!);
        Assert.Equal(await api.Scalar<long[]>("""
            select coalesce(array_agg(customer_id order by tier_rank desc, p_alive desc, customer_id), '{}')
            from wholesale.customer_scores where p_alive >= 0.5
            """), Ids(alive));

        var byName = await (await staff.GetAsync($"{WsKit.Base}/api/customers/scores?ordering=-company_name&per_page=200")).Json();
        Assert.Equal(all, Ids(byName).Length);

        // a good run without stored counts (from before they were kept): the same counts and total, counted
        await api.Exec("update wholesale.score_runs set tier_counts = null");
        var counted = await (await staff.GetAsync($"{WsKit.Base}/api/customers/scores?per_page=1")).Json();
        Assert.Equal(all, (long)counted["total"]!);
        Assert.Equal(counts.ToJsonString(), counted["tier_counts"]!.ToJsonString());
    }
}
