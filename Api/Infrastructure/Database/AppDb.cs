using Api.Infrastructure.Tenancy;
using LinqToDB.Data;

namespace Api.Infrastructure.Database;

/// <summary>The request's connection (app role). Tenant-owned SQL runs inside <see cref="BeginTenantAsync"/>.</summary>
public sealed class AppDb(Db db, TenantContext tenant) : DataConnection(db.Options)
{
    /// <summary>
    /// Starts a transaction with <c>app.tenant_id</c> set for it, which the row-level-security policies read.
    /// Without it, tenant-scoped tables show no rows.
    /// </summary>
    public async Task<DataConnectionTransaction> BeginTenantAsync(CancellationToken ct = default)
    {
        var id = tenant.Id ?? throw new InvalidOperationException("No tenant in context for a tenant-scoped query.");
        var tx = await BeginTransactionAsync(ct);
        await this.ExecuteAsync("select set_config('app.tenant_id', @id, true)", new { id }, ct);
        return tx;
    }
}
