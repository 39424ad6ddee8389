using Api.Tests.Infrastructure;
using Npgsql;

namespace Api.Tests.Features.PriceWatch;

/// <summary>What the app role sees of PriceWatch tables with SQL alone, whatever a query forgets to filter or sets.</summary>
public sealed class PriceWatchRowLevelSecurityTests(PriceWatchFactory api) : IClassFixture<PriceWatchFactory>
{
    static async Task<long> Count(NpgsqlConnection c, NpgsqlTransaction tx, string sql, params object[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, c, tx);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    static async Task<string?> Text(NpgsqlConnection c, NpgsqlTransaction tx, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c, tx);
        return await cmd.ExecuteScalarAsync() as string;
    }

    async Task RegisterSecretAsync() => await Pw.ExecAsync(api, null, """
        insert into pricewatch.platform_scope_keys (secret_hash) values (encode(sha256(convert_to(@s, 'UTF8')), 'hex')) on conflict do nothing
        """, ("s", PriceWatchFactory.PlatformScopeSecret));

    [Fact]
    public async Task Tenant_scope_platform_scope_and_no_scope()
    {
        var a = await PwTenant.CreateAsync(api);
        var b = await PwTenant.CreateAsync(api);
        await PwData.SeedAsync(api, a.Id, "https://a.example", ("A product", 1, 2));
        await PwData.SeedAsync(api, b.Id, "https://b.example", ("B product", 1, 2));
        await Pw.ExecAsync(api, b.Id, "insert into pricewatch.tenant_credentials (tenant_id, shopify_token_enc) values (@t, 'v1:x')", ("t", b.Id));
        await RegisterSecretAsync();

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
            Assert.Equal(1L, await Count(conn, tx, "select count(*) from (select pricewatch.enter_platform_scope($1)) s", PriceWatchFactory.PlatformScopeSecret));
            Assert.True(await Count(conn, tx, "select count(*) from pricewatch.product_tracking") >= 2);
            Assert.Equal(0L, await Count(conn, tx, "select count(*) from pricewatch.tenant_credentials"));
            Assert.Equal(0L, await Count(conn, tx, $"with u as (update pricewatch.competitors set name = 'hacked' where tenant_id = '{b.Id}' returning 1) select count(*) from u"));
        }
    }

    [Fact]
    public async Task The_platform_scope_cannot_be_opened_by_a_session_setting_a_wrong_secret_or_a_copied_token()
    {
        var a = await PwTenant.CreateAsync(api);
        await PwData.SeedAsync(api, a.Id, "https://a.example", ("A product", 1, 2));
        await RegisterSecretAsync();
        await using var conn = api.AppConnection();
        await conn.OpenAsync();

        await using (var tx = await conn.BeginTransactionAsync())   // the hole 0001 left: the bare setting
        {
            await Count(conn, tx, "select count(*) from (select set_config('app.pw_scope', 'platform', true), set_config('app.pw_scope_token', 'guess', true)) s");
            Assert.Equal(0L, await Count(conn, tx, "select count(*) from pricewatch.product_tracking"));
            Assert.Equal(0L, await Count(conn, tx, "select count(*) from pricewatch.user_tenants"));
        }
        await using (var tx = await conn.BeginTransactionAsync())
        {
            var e = await Assert.ThrowsAsync<PostgresException>(() => Count(conn, tx, "select count(*) from (select pricewatch.enter_platform_scope('wrong')) s"));
            Assert.Equal("42501", e.SqlState);
        }
        string token;
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await Count(conn, tx, "select count(*) from (select pricewatch.enter_platform_scope($1)) s", PriceWatchFactory.PlatformScopeSecret);
            token = (await Text(conn, tx, "select current_setting('app.pw_scope_token', true)"))!;
            Assert.True(await Count(conn, tx, "select count(*) from pricewatch.product_tracking") >= 1);
            await tx.CommitAsync();
        }
        await using (var tx = await conn.BeginTransactionAsync())   // a token is worth one transaction
        {
            await Count(conn, tx, "select count(*) from (select set_config('app.pw_scope', 'platform', true), set_config('app.pw_scope_token', $1, true)) s", token);
            Assert.Equal(0L, await Count(conn, tx, "select count(*) from pricewatch.product_tracking"));
        }
        await using (var tx = await conn.BeginTransactionAsync())   // the registered hashes are out of the app's reach
        {
            var e = await Assert.ThrowsAsync<PostgresException>(() => Count(conn, tx, "select count(*) from pricewatch.platform_scope_keys"));
            Assert.Equal("42501", e.SqlState);
        }
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await Assert.ThrowsAsync<PostgresException>(() => Count(conn, tx,
                "with i as (insert into pricewatch.platform_scope_keys (secret_hash) values ('x') returning 1) select count(*) from i"));
        }
    }

    [Fact]
    public async Task Membership_and_invitation_rows_are_read_only_through_the_user_settings()
    {
        var victim = await PwTenant.CreateAsync(api);
        var attacker = await PwTenant.NewUserAsync(api);
        var member = await victim.AddAsync("viewer");
        var invitation = Guid.NewGuid();
        await Pw.ExecAsync(api, victim.Id, "insert into pricewatch.team_invitations (id, tenant_id, email, role) values (@i, @t, @e, 'viewer')",
            ("i", invitation), ("t", victim.Id), ("e", attacker.Email));
        await using var conn = api.AppConnection();
        await conn.OpenAsync();

        async Task AsUser(NpgsqlTransaction tx, PwUser u) => await Count(conn, tx,
            "select count(*) from (select set_config('app.pw_user_id', $1, true), set_config('app.pw_user_email', $2, true)) s", u.Id.ToString(), u.Email);

        await using (var tx = await conn.BeginTransactionAsync())   // joining any workspace as owner
        {
            await AsUser(tx, attacker);
            await Assert.ThrowsAsync<PostgresException>(() => Count(conn, tx,
                "with i as (insert into pricewatch.user_tenants (user_id, tenant_id, role) values ($1, $2, 'admin') returning 1) select count(*) from i",
                attacker.Id, victim.Id));
        }
        await using (var tx = await conn.BeginTransactionAsync())   // promoting oneself
        {
            await AsUser(tx, member);
            Assert.Equal(1L, await Count(conn, tx, "select count(*) from pricewatch.user_tenants"));   // still sees their own membership
            Assert.Equal(0L, await Count(conn, tx, "with u as (update pricewatch.user_tenants set role = 'admin' where user_id = $1 returning 1) select count(*) from u", member.Id));
        }
        await using (var tx = await conn.BeginTransactionAsync())   // rewriting the role of an invitation addressed to oneself
        {
            await AsUser(tx, attacker);
            Assert.Equal(1L, await Count(conn, tx, "select count(*) from pricewatch.team_invitations"));
            Assert.Equal(0L, await Count(conn, tx, "with u as (update pricewatch.team_invitations set role = 'admin' returning 1) select count(*) from u"));
        }
        Assert.Equal("viewer", await Pw.ScalarAsync<string>(api, "select role from pricewatch.user_tenants where user_id = @u", ("u", member.Id)));

        // the legitimate path: the invitation grants exactly its role
        var accepted = await (await Pw.Client(api, attacker).PostAsync($"/pricewatch/api/team/invitations/{invitation}/accept", null)).Json();
        Assert.Equal("viewer", (string?)accepted["role"]);
        Assert.Equal("viewer", await Pw.ScalarAsync<string>(api, "select role from pricewatch.user_tenants where user_id = @u", ("u", attacker.Id)));
    }
}
