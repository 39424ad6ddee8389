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

    [Fact]
    public async Task The_direct_read_maps_rows_as_LinqToDB_does_and_other_rows_still_go_through_LinqToDB()
    {
        await SeedAsync();
        await using var scope = api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Api.Infrastructure.Tenancy.TenantContext>().Set(_a.ToString());
        var db = scope.ServiceProvider.GetRequiredService<Api.Infrastructure.Database.AppDb>();
        // every plain type, a null in a nullable and in a reference member, a column named in another case, a column without
        // a member, two rows, parameters of several types (a null one too)
        const string sql = """
            select k as "Text", null::text as "Missing", 42 as "Int", 9000000000::bigint as "Big", 12.345::numeric as "Money",
                   1.5::float8 as "Real", true as "Flag", @Id::uuid as "Id", null::int as "Maybe", '2026-12-05'::date as "Day",
                   @At::timestamptz as "At", array['a','b'] as "Tags", 1 as "NOMEMBER", @N::int as "lower_case"
              from (values ('x'), ('y')) v(k)
             where @Nothing::text is null
             order by k
            """;
        var at = new DateTimeOffset(2026, 12, 5, 10, 30, 0, TimeSpan.Zero);
        var param = new { Id = _b, At = at, N = 7, Nothing = (string?)null };
        var direct = await db.ReadTenantAsync<Wide>(sql, param);
        await using var tx = await db.BeginTenantAsync();
        var viaLinq = await db.QueryToListAsync<Wide>(sql, param);
        await tx.CommitAsync();
        Assert.Equal(2, direct.Count);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(viaLinq), System.Text.Json.JsonSerializer.Serialize(direct));
        Assert.Equal(("x", (string?)null, 42, 9000000000L, 12.345m, _b, (int?)null, at, 7), (direct[0].Text, direct[0].Missing, direct[0].Int,
            direct[0].Big, direct[0].Money, direct[0].Id, direct[0].Maybe, direct[0].At, direct[0].Lower_Case));
        // an enum member is not a plain column type: LinqToDB maps it (and the read is still one tenant's)
        var kinds = await db.ReadTenantAsync<WithEnum>("select 1 as \"Kind\", count(*)::int as \"Rows\" from platform.tenant_settings", null);
        Assert.Equal((Kind.Second, 1), (kinds.Single().Kind, kinds.Single().Rows));
    }

    enum Kind { First, Second }
    sealed class WithEnum { public Kind Kind { get; init; } public int Rows { get; init; } }

    sealed class Wide
    {
        public string Text { get; init; } = "";
        public string? Missing { get; init; } = "set";
        public int Int { get; init; }
        public long Big { get; init; }
        public decimal Money { get; init; }
        public double Real { get; init; }
        public bool Flag { get; init; }
        public Guid Id { get; init; }
        public int? Maybe { get; init; } = 5;
        public DateOnly Day { get; init; }
        public DateTimeOffset At { get; init; }
        public string[] Tags { get; init; } = [];
        public int Lower_Case { get; init; }
    }

    sealed class Cell { public string Value { get; init; } = ""; }
}
