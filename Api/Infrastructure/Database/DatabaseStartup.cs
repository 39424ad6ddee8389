using Api.Infrastructure.Demo;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Api.Infrastructure.Database;

/// <summary>
/// Runs before the server listens: starts the embedded cluster when no <c>ConnectionStrings:Postgres</c> is set,
/// makes sure the app role exists, applies migrations, seeds demo data on a fresh embedded database, and opens <see cref="Db"/>.
/// </summary>
public sealed class DatabaseStartup(Db db, IConfiguration config, IOptions<DbOptions> options, IHostEnvironment env,
    IServiceProvider services, ILogger<DatabaseStartup> log) : IHostedService
{
    EmbeddedPostgres? _embedded;

    public async Task StartAsync(CancellationToken ct)
    {
        try { await StartCoreAsync(ct); }
        catch (Exception e) { db.Fail(e); throw; }
    }

    async Task StartCoreAsync(CancellationToken ct)
    {
        var o = options.Value;
        var owner = config.GetConnectionString("Postgres");
        var fresh = false;
        if (string.IsNullOrWhiteSpace(owner))
        {
            var dataDir = Path.IsPathRooted(o.EmbeddedDataDir) ? o.EmbeddedDataDir : Path.Combine(env.ContentRootPath, o.EmbeddedDataDir);
            _embedded = await EmbeddedPostgres.StartAsync(dataDir, o.EmbeddedBinDir, o.EmbeddedFsync, log, ct, o.EmbeddedSharedBuffers);
            fresh = await EnsureDatabaseAsync(_embedded.ConnectionString(), "slices", ct);
            owner = _embedded.ConnectionString("slices");
        }

        var app = config.GetConnectionString("PostgresApp");
        if (string.IsNullOrWhiteSpace(app))
        {
            var password = Db.DeriveAppPassword(owner);
            await EnsureAppRoleAsync(owner, o.AppRole, password, ct);
            app = new NpgsqlConnectionStringBuilder(owner) { Username = o.AppRole, Password = password }.ConnectionString;
        }

        await Migrator.MigrateAsync(owner, new NpgsqlConnectionStringBuilder(app).Username ?? o.AppRole, log, ct);
        db.Open(owner, app, _embedded is not null, o.MaxPoolSize, o.MaxAutoPrepare);

        if (_embedded is not null && o.SeedDemoData && (fresh || !await DemoData.AnySeededAsync(db, ct)))
            await DemoData.SeedAsync(services, ct);
        db.MarkReady();
    }

    static async Task<bool> EnsureDatabaseAsync(string serverConnection, string name, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(serverConnection) { Pooling = false }.ConnectionString);
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", conn) { Parameters = { new() { Value = name } } };
        if (await exists.ExecuteScalarAsync(ct) is not null) return false;
        await using var create = new NpgsqlCommand($"create database {Migrator.QuoteIdent(name)}", conn);
        await create.ExecuteNonQueryAsync(ct);
        return true;
    }

    static async Task EnsureAppRoleAsync(string owner, string role, string password, CancellationToken ct)
    {
        // usually the role is already there with this password (another instance or an earlier start made it)
        try
        {
            await using var probe = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(owner)
                { Username = role, Password = password, Pooling = false, Timeout = 5 }.ConnectionString);
            await probe.OpenAsync(ct);
            return;
        }
        catch (NpgsqlException) { }

        for (var attempt = 1; ; attempt++)
        {
            try { await CreateAppRoleAsync(owner, role, password, ct); return; }
            catch (PostgresException e) when (e.SqlState is "XX000" or "40001" or "23505" && attempt < 5)
            {
                await Task.Delay(50 * attempt, ct);   // another instance is setting up the same role right now
            }
        }
    }

    static async Task CreateAppRoleAsync(string owner, string role, string password, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(owner) { Pooling = false }.ConnectionString);
        await conn.OpenAsync(ct);
        var r = Migrator.QuoteIdent(role);
        // the password is hex (derived), so it is safe inside a literal
        var sql = $"""
            do $$ begin
              if not exists (select from pg_roles where rolname = '{role.Replace("'", "''")}') then
                create role {r} login password '{password}' nosuperuser nocreatedb nocreaterole nobypassrls;
              else
                alter role {r} login password '{password}' nosuperuser nocreatedb nocreaterole nobypassrls;
              end if;
            end $$;
            grant connect on database {Migrator.QuoteIdent(conn.Database)} to {r};
            """;
        try
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is "42501")
        {
            throw new InvalidOperationException(
                $"The owner login cannot create the app role '{role}' ({e.MessageText}). Create it yourself and set " +
                "ConnectionStrings:PostgresApp, or give the owner CREATEROLE.");
        }
    }

    public async Task StopAsync(CancellationToken ct)
    {
        if (_embedded is not null) await _embedded.StopAsync();
    }
}
