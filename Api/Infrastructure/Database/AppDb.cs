using System.Data;
using System.Data.Common;
using Api.Infrastructure.Tenancy;
using LinqToDB.Common;
using LinqToDB.Data;
using LinqToDB.Interceptors;
using Npgsql;

namespace Api.Infrastructure.Database;

/// <summary>The request's connection (app role). Tenant-owned SQL runs inside <see cref="BeginTenantAsync"/>, or for a
/// single read, through <see cref="ReadTenantAsync{T}"/>.</summary>
public sealed class AppDb : DataConnection
{
    readonly TenantContext _tenant;
    string? _tenantFirst;   // the tenant id to send with the next reader command (ReadTenantAsync)

    public AppDb(Db db, TenantContext tenant) : base(db.Options)
    {
        _tenant = tenant;
        AddInterceptor(TenantFirst.Instance);
    }

    /// <summary>
    /// Starts a transaction with <c>app.tenant_id</c> set for it, which the row-level-security policies read.
    /// Without it, tenant-scoped tables show no rows. (Npgsql sends the BEGIN with the set_config, in one round trip.)
    /// </summary>
    public async Task<DataConnectionTransaction> BeginTenantAsync(CancellationToken ct = default)
    {
        var id = _tenant.Id ?? throw new InvalidOperationException("No tenant in context for a tenant-scoped query.");
        var tx = await BeginTransactionAsync(ct);
        await this.ExecuteAsync("select set_config('app.tenant_id', @id, true)", new { id }, ct);
        return tx;
    }

    /// <summary>
    /// One tenant-scoped read in one round trip: <c>select set_config('app.tenant_id', …, true)</c> and the query go to
    /// PostgreSQL as one batch (one Sync), which runs as one implicit transaction, so the setting holds for the query and
    /// ends with it, exactly as inside <see cref="BeginTenantAsync"/> (no BEGIN, no COMMIT). Outside a transaction only.
    /// Rows whose members and parameters are all plain column types (<see cref="DirectRead"/>) are read straight from
    /// Npgsql on this connection with a mapper compiled once per row type and column layout: LinqToDB's command path, the
    /// throw-away command it builds and the parameter copies cost more than the query on a one-row read (issue 20 §4);
    /// other rows go through LinqToDB with the batch made by the <see cref="TenantFirst"/> interceptor.
    /// </summary>
    public async Task<List<T>> ReadTenantAsync<T>(string sql, object? param, CancellationToken ct = default)
    {
        var id = _tenant.Id ?? throw new InvalidOperationException("No tenant in context for a tenant-scoped query.");
        if (Transaction is not null)
            throw new InvalidOperationException("ReadTenantAsync runs its own implicit transaction; inside BeginTenantAsync use QueryToListAsync.");
        if (DirectRead.Supports<T>(param))
        {
            var conn = (NpgsqlConnection)await OpenDbConnectionAsync(ct);
            await using var batch = new NpgsqlBatch(conn);
            if (CommandTimeout >= 0) batch.Timeout = CommandTimeout;
            var set = new NpgsqlBatchCommand("select set_config('app.tenant_id', $1, true)");
            set.Parameters.Add(new NpgsqlParameter { Value = id.ToString() });
            var query = new NpgsqlBatchCommand(sql);
            DirectRead.Bind(param, query.Parameters);
            batch.BatchCommands.Add(set);
            batch.BatchCommands.Add(query);
            await using var reader = await batch.ExecuteReaderAsync(ct);
            await reader.NextResultAsync(ct);   // past set_config's one row
            return await DirectRead.ReadAllAsync<T>(reader, ct);
        }
        _tenantFirst = id.ToString();
        try { return await this.QueryToListAsync<T>(sql, param, ct); }
        finally { _tenantFirst = null; }
    }

    /// <summary>Turns the next reader command into an <see cref="NpgsqlBatch"/> of set_config + the command, skipping the
    /// set_config result so LinqToDB maps the query's rows as usual.</summary>
    sealed class TenantFirst : CommandInterceptor
    {
        public static readonly TenantFirst Instance = new();   // stateless: the pending tenant is on the AppDb it runs for

        public override async Task<Option<DbDataReader>> ExecuteReaderAsync(CommandEventData eventData, DbCommand command,
            CommandBehavior commandBehavior, Option<DbDataReader> result, CancellationToken cancellationToken)
        {
            if (eventData.DataConnection is not AppDb { _tenantFirst: { } tenant } owner) return result;
            owner._tenantFirst = null;
            var cmd = (NpgsqlCommand)command;
            var batch = new NpgsqlBatch(cmd.Connection, cmd.Transaction) { Timeout = cmd.CommandTimeout };
            var set = new NpgsqlBatchCommand("select set_config('app.tenant_id', $1, true)");
            set.Parameters.Add(new NpgsqlParameter { Value = tenant });
            var query = new NpgsqlBatchCommand(cmd.CommandText) { CommandType = cmd.CommandType };
            foreach (NpgsqlParameter p in cmd.Parameters) query.Parameters.Add(p.Clone());
            batch.BatchCommands.Add(set);
            batch.BatchCommands.Add(query);
            var reader = await batch.ExecuteReaderAsync(commandBehavior & ~(CommandBehavior.SingleResult | CommandBehavior.SingleRow), cancellationToken);
            await reader.NextResultAsync(cancellationToken);   // past set_config's one row
            return Option<DbDataReader>.Some(reader);
        }

        public override Option<DbDataReader> ExecuteReader(CommandEventData eventData, DbCommand command, CommandBehavior commandBehavior, Option<DbDataReader> result)
            => eventData.DataConnection is AppDb { _tenantFirst: not null } ? throw new InvalidOperationException("ReadTenantAsync is asynchronous only.") : result;
    }
}
