using System.Net.Http.Headers;
using System.Text;
using Api.Features.ShopperSearch.Demo;
using Api.Tests.Infrastructure;
using Npgsql;

namespace Api.Tests.Features.ShopperSearch.Pipeline;

public sealed class PipelineLockApi : ShopperApi;

/// <summary>Issue 17 §4: one enrichment run per merchant at a time; a retry or a second run waits instead of deadlocking.</summary>
public sealed class PipelineLockTests(PipelineLockApi api) : IClassFixture<PipelineLockApi>
{
    async Task IngestAsync(string id)
    {
        var c = api.Merchant(Shopper.Demo);
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Seeder.DemoApiKey);
        var rsp = await c.PostAsync("/shopper/api/v1/ingest/products", new StringContent(
            $$"""{"product_id":"{{id}}","product_name":"Lock Shirt {{id}}","price":"1","price_numeric":1,"image1":"https://cdn.example.com/{{id}}.jpg"}""",
            Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(200, (int)rsp.StatusCode);
    }

    async Task<long> Count(string sql)
    {
        await using var conn = api.OwnerConnection();
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_run_waits_for_the_merchants_lock_then_completes_and_concurrent_runs_never_deadlock()
    {
        await api.SeedAsync();
        // the remains of a lost attempt (or another run) hold the merchant's pipeline lock
        var holder = api.OwnerConnection();
        await holder.OpenAsync();
        await using (var take = new NpgsqlCommand("select pg_advisory_lock(hashtextextended($1, 0))", holder))
        {
            take.Parameters.Add(new NpgsqlParameter { Value = Api.Features.ShopperSearch.Pipeline.Run.Job.LockKey(Shopper.Demo) });
            await take.ExecuteNonQueryAsync();
        }
        await IngestAsync("LOCK-1");
        await Task.Delay(1500);
        Assert.Equal(1L, await Count($"select count(*) from shopper.products where merchant_id = {Shopper.Demo} and product_id = 'LOCK-1' and enriched_at is null"));
        Assert.Equal(1L, await Count("select count(*) from platform.jobs where type = 'shopper.pipeline' and status = 'running'"));

        // two more runs for the same merchant while it waits
        await IngestAsync("LOCK-2");
        await IngestAsync("LOCK-3");
        await holder.DisposeAsync();   // the lost attempt's connection goes away: its lock with it

        for (var i = 0; i < 300 && await Count("select count(*) from platform.jobs where type = 'shopper.pipeline' and status not in ('succeeded', 'failed')") > 0; i++)
            await Task.Delay(100);
        Assert.Equal(0L, await Count("select count(*) from platform.jobs where type = 'shopper.pipeline' and status <> 'succeeded'"));
        Assert.Equal(0L, await Count("select count(*) from platform.jobs where type = 'shopper.pipeline' and last_error like '%deadlock%'"));
        Assert.Equal(0L, await Count($"select count(*) from shopper.products where merchant_id = {Shopper.Demo} and product_id like 'LOCK-%' and enriched_at is null"));
    }
}
