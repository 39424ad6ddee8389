using Api.Tests.Infrastructure;
using Npgsql;

namespace Api.Tests.Features.PriceWatch;

/// <summary>What the app role sees of PriceWatch tables with SQL alone, whatever a query forgets to filter.</summary>
public sealed class PriceWatchRowLevelSecurityTests(PriceWatchFactory api) : IClassFixture<PriceWatchFactory>
{
    static async Task<long> Count(NpgsqlConnection c, NpgsqlTransaction tx, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c, tx);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Tenant_scope_platform_scope_and_no_scope()
    {
        var a = await PwTenant.CreateAsync(api);
        var b = await PwTenant.CreateAsync(api);
        await PwData.SeedAsync(api, a.Id, "https://a.example", ("A product", 1, 2));
        await PwData.SeedAsync(api, b.Id, "https://b.example", ("B product", 1, 2));
        await Pw.ExecAsync(api, b.Id, "insert into pricewatch.tenant_credentials (tenant_id, shopify_token_enc) values (@t, 'v1:x')", ("t", b.Id));

        await using var conn = api.AppConnection();
        await conn.OpenAsync();
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await Count(conn, tx, $"select count(*) from (select set_config('app.tenant_id', '{a.Id}', true)) s");
            Assert.Equal(0L, await Count(conn, tx, $"select count(*) from pricewatch.product_tracking where tenant_id = '{b.Id}'"));
            Assert.Equal(0L, await Count(conn, tx, $"select count(*) from pricewatch.tenant_credentials"));
            Assert.Equal(0L, await Count(conn, tx, $"with d as (delete from pricewatch.competitors where tenant_id = '{b.Id}' returning 1) select count(*) from d"));
            await Assert.ThrowsAsync<PostgresException>(() => Count(conn, tx,
                $"with i as (insert into pricewatch.competitors (tenant_id, name, url) values ('{b.Id}', 'x', 'https://x') returning 1) select count(*) from i"));
        }
        await using (var tx = await conn.BeginTransactionAsync())
        {
            Assert.Equal(0L, await Count(conn, tx, "select count(*) from pricewatch.product_tracking"));   // no tenant: nothing
        }
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await Count(conn, tx, "select count(*) from (select set_config('app.pw_scope', 'platform', true)) s");
            Assert.True(await Count(conn, tx, "select count(*) from pricewatch.product_tracking") >= 2);
            Assert.Equal(0L, await Count(conn, tx, "select count(*) from pricewatch.tenant_credentials"));
            Assert.Equal(0L, await Count(conn, tx, $"with u as (update pricewatch.competitors set name = 'hacked' where tenant_id = '{b.Id}' returning 1) select count(*) from u"));
        }
    }
}
