using LinqToDB.Data;
using Microsoft.Extensions.DependencyInjection;
using Api.Tests.Infrastructure;
using Npgsql;

namespace Api.Tests.Platform;

/// <summary>Tenancy twice: even raw SQL as the API's login sees only the tenant of its transaction.</summary>
public sealed class RowLevelSecurityTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    readonly Guid _a = Guid.NewGuid(), _b = Guid.NewGuid();

    async Task SeedAsync()
    {
        await using var conn = api.AppConnection();
        await conn.OpenAsync();
        foreach (var t in new[] { _a, _b })
        {
            await using var tx = await conn.BeginTransactionAsync();
            await Exec(conn, tx, $"select set_config('app.tenant_id', '{t}', true)");
            await Exec(conn, tx, $"insert into platform.tenant_settings (tenant_id, key, value) values ('{t}', 'k', '1'::jsonb)");
            await tx.CommitAsync();
        }
    }

    [Fact]
    public async Task The_api_login_is_neither_superuser_nor_owner()
    {
        await using var conn = api.AppConnection();
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            select r.rolsuper, r.rolbypassrls, t.tableowner = current_user
            from pg_roles r, pg_tables t
            where r.rolname = current_user and t.schemaname = 'platform' and t.tablename = 'tenant_settings'
            """, conn);
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        Assert.False(r.GetBoolean(0));
        Assert.False(r.GetBoolean(1));
        Assert.False(r.GetBoolean(2));
    }

    [Fact]
    public async Task Without_tenant_context_no_rows_are_visible()
    {
        await SeedAsync();
        await using var conn = api.AppConnection();
        await conn.OpenAsync();
        Assert.Equal(0L, await Scalar(conn, null, "select count(*) from platform.tenant_settings"));
    }

    [Fact]
    public async Task A_tenant_cannot_read_or_write_another_tenants_rows_even_with_raw_sql()
    {
        await SeedAsync();
        await using var conn = api.AppConnection();
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await Exec(conn, tx, $"select set_config('app.tenant_id', '{_a}', true)");
        Assert.Equal(1L, await Scalar(conn, tx, "select count(*) from platform.tenant_settings"));
        Assert.Equal(0L, await Scalar(conn, tx, $"select count(*) from platform.tenant_settings where tenant_id = '{_b}'"));
        Assert.Equal(0L, await Scalar(conn, tx, $"with d as (update platform.tenant_settings set value = '2' where tenant_id = '{_b}' returning 1) select count(*) from d"));
        var e = await Assert.ThrowsAsync<PostgresException>(() =>
            Exec(conn, tx, $"insert into platform.tenant_settings (tenant_id, key, value) values ('{_b}', 'x', '1'::jsonb)"));
        Assert.Equal("42501", e.SqlState);   // new row violates row-level security policy
    }

    static async Task Exec(NpgsqlConnection c, NpgsqlTransaction? tx, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c, tx);
        await cmd.ExecuteNonQueryAsync();
    }

    static async Task<long> Scalar(NpgsqlConnection c, NpgsqlTransaction? tx, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c, tx);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_one_round_trip_tenant_read_sees_only_its_tenant_and_the_setting_ends_with_it()
    {
        await SeedAsync();
        await using var scope = api.Services.CreateAsyncScope();
        var tenant = scope.ServiceProvider.GetRequiredService<Api.Infrastructure.Tenancy.TenantContext>();
        tenant.Set(_a.ToString());
        var db = scope.ServiceProvider.GetRequiredService<Api.Infrastructure.Database.AppDb>();
        const string sql = "select tenant_id::text as \"Value\" from platform.tenant_settings where key = @Key";
        Assert.Equal([_a.ToString()], (await db.ReadTenantAsync<Cell>(sql, new { Key = "k" })).Select(c => c.Value));
        Assert.Empty(await db.ReadTenantAsync<Cell>(sql + " and tenant_id = @B::uuid", new { Key = "k", B = _b.ToString() }));
        // the setting lived in the read's implicit transaction only: the next statement on the connection has none
        Assert.Equal([""], (await db.QueryToListAsync<Cell>(
            "select coalesce(current_setting('app.tenant_id', true), '') as \"Value\"")).Select(c => c.Value));
        Assert.Equal(0L, (await db.QueryToListAsync<long>("select count(*) from platform.tenant_settings")).Single());
    }

    sealed class Cell { public string Value { get; init; } = ""; }
}
