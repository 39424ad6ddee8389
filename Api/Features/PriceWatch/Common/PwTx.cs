using Api.Infrastructure.Database;
using LinqToDB.Data;
using Npgsql;

namespace Api.Features.PriceWatch.Common;

/// <summary>Transactions with the settings PriceWatch's row-level-security policies read (see db/sql/pricewatch/0001).</summary>
static class PwTx
{
    /// <summary>The caller's transaction: tenant (if any), user id and email.</summary>
    public static async Task<DataConnectionTransaction> BeginAsync(AppDb db, Caller caller, CancellationToken ct)
    {
        var tx = await db.BeginTransactionAsync(ct);
        await db.ExecuteAsync("""
            select set_config('app.tenant_id', @Tenant, true), set_config('app.pw_user_id', @User, true),
                   set_config('app.pw_user_email', @Email, true)
            """, new { Tenant = caller.TenantIdOrNull?.ToString() ?? "", User = caller.UserId.ToString(), Email = caller.Email ?? "" }, ct);
        return tx;
    }

    /// <summary>A transaction scoped to one tenant (background work).</summary>
    public static async Task<DataConnectionTransaction> BeginTenantAsync(AppDb db, Guid tenant, CancellationToken ct)
    {
        var tx = await db.BeginTransactionAsync(ct);
        await db.ExecuteAsync("select set_config('app.tenant_id', @T, true)", new { T = tenant.ToString() }, ct);
        return tx;
    }

    /// <summary>
    /// Read across tenants (select-only policies): super-admin endpoints, the scheduler, the Stripe webhook. The scope needs
    /// the server-held secret (<see cref="PlatformScope"/>); a bare <c>app.pw_scope</c> setting no longer opens it.
    /// </summary>
    public static async Task<DataConnectionTransaction> BeginPlatformAsync(AppDb db, PlatformScope scope, CancellationToken ct)
    {
        var tx = await db.BeginTransactionAsync(ct);
        await scope.EnterAsync(db, ct);
        return tx;
    }

    /// <summary>A raw Npgsql connection + transaction for one tenant (bulk writes, streaming reads).</summary>
    public static async Task<(NpgsqlConnection Conn, NpgsqlTransaction Tx)> OpenTenantAsync(Db db, Guid tenant, CancellationToken ct)
    {
        var conn = await db.App.OpenConnectionAsync(ct);
        var tx = await conn.BeginTransactionAsync(ct);
        await using var cmd = new NpgsqlCommand("select set_config('app.tenant_id', $1, true)", conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenant.ToString() });
        await cmd.ExecuteNonQueryAsync(ct);
        return (conn, tx);
    }
}
