using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Api.Infrastructure.Database;

/// <summary>
/// Applies <c>db/sql/&lt;schema&gt;/NNNN_name.sql</c> (embedded in the Api assembly) in order: platform first, then the
/// module schemas. Each file runs in its own transaction and is recorded with its SHA-256 in platform.schema_migrations.
/// A session advisory lock lets several instances start at once. Editing an applied file stops start-up.
/// Then, under the same lock, the repeatable files <c>db/sql/&lt;schema&gt;/functions/&lt;name&gt;.sql</c> (one SQL function
/// each, <c>create or replace</c>) run in the same schema order and by name, each again whenever its checksum differs from
/// the one recorded in platform.schema_functions: a function's history is one file's history.
/// </summary>
public static class Migrator
{
    public sealed record Migration(string Schema, int Version, string Name, string Sql)
    {
        public string Path => $"db/sql/{Schema}/{Version:0000}_{Name}.sql";
        public string Checksum => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n")))).ToLowerInvariant();
    }

    /// <summary>A repeatable file: <c>db/sql/&lt;schema&gt;/functions/&lt;name&gt;.sql</c>.</summary>
    public sealed record Repeatable(string Schema, string Name, string Sql)
    {
        public string Path => $"db/sql/{Schema}/functions/{Name}.sql";
        public string Checksum => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n")))).ToLowerInvariant();
    }

    public sealed class MigrationException(string message) : Exception(message);

    const long LockKey = 0x51_1CE5_0001;

    public static IReadOnlyList<Migration> Discover(Assembly? assembly = null)
    {
        assembly ??= typeof(Migrator).Assembly;
        var list = new List<Migration>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("db/sql/", StringComparison.Ordinal) && !IsRepeatable(n)))
        {
            var parts = name.Split('/');   // db/sql/<schema>/NNNN_name.sql
            var file = parts[^1];
            var us = file.IndexOf('_');
            if (parts.Length != 4 || us < 1 || !int.TryParse(file[..us], out var version))
                throw new MigrationException($"Migration file '{name}' must be named db/sql/<schema>/NNNN_<what>.sql");
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            list.Add(new Migration(parts[2], version, file[(us + 1)..^4], reader.ReadToEnd()));
        }
        var dupes = list.GroupBy(m => (m.Schema, m.Version)).FirstOrDefault(g => g.Count() > 1);
        if (dupes is not null) throw new MigrationException($"Two migrations share version {dupes.Key.Version} in schema {dupes.Key.Schema}");
        return list.OrderBy(m => m.Schema == "platform" ? 0 : 1).ThenBy(m => m.Schema, StringComparer.Ordinal).ThenBy(m => m.Version).ToList();
    }

    static bool IsRepeatable(string resource) => resource.Split('/') is ["db", "sql", _, "functions", _];

    public static IReadOnlyList<Repeatable> DiscoverRepeatable(Assembly? assembly = null)
    {
        assembly ??= typeof(Migrator).Assembly;
        var list = new List<Repeatable>();
        foreach (var name in assembly.GetManifestResourceNames().Where(IsRepeatable))
        {
            var parts = name.Split('/');
            if (!parts[4].EndsWith(".sql", StringComparison.Ordinal))
                throw new MigrationException($"Repeatable file '{name}' must be named db/sql/<schema>/functions/<name>.sql");
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            list.Add(new Repeatable(parts[2], parts[4][..^4], reader.ReadToEnd()));
        }
        return list.OrderBy(m => m.Schema == "platform" ? 0 : 1).ThenBy(m => m.Schema, StringComparer.Ordinal)
            .ThenBy(m => m.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Applies what is missing, then the repeatable files that changed; returns how many numbered files ran.
    /// Passing <paramref name="migrations"/> without <paramref name="repeatable"/> runs no repeatable file.</summary>
    public static async Task<int> MigrateAsync(string ownerConnectionString, string appRole, ILogger log, CancellationToken ct,
        IReadOnlyList<Migration>? migrations = null, IReadOnlyList<Repeatable>? repeatable = null)
    {
        repeatable ??= migrations is null ? DiscoverRepeatable() : [];
        migrations ??= Discover();
        var csb = new NpgsqlConnectionStringBuilder(ownerConnectionString) { Pooling = false };
        await using var conn = new NpgsqlConnection(csb.ConnectionString);
        await conn.OpenAsync(ct);
        await Exec(conn, null, $"select pg_advisory_lock({LockKey})", ct);
        try
        {
            await Exec(conn, null, """
                create schema if not exists platform;
                create table if not exists platform.schema_migrations (
                    schema_name text not null, version int not null, name text not null, checksum text not null,
                    applied_at timestamptz not null default now(), primary key (schema_name, version));
                """, ct);
            await Exec(conn, null, $"grant usage on schema platform to {QuoteIdent(appRole)}; " +
                                   $"grant select on platform.schema_migrations to {QuoteIdent(appRole)}", ct);
            var applied = new Dictionary<(string, int), string>();
            await using (var cmd = new NpgsqlCommand("select schema_name, version, checksum from platform.schema_migrations", conn))
            await using (var r = await cmd.ExecuteReaderAsync(ct))
                while (await r.ReadAsync(ct)) applied[(r.GetString(0), r.GetInt32(1))] = r.GetString(2);

            var ran = 0;
            var role = QuoteIdent(appRole);
            foreach (var m in migrations)
            {
                if (applied.TryGetValue((m.Schema, m.Version), out var sum))
                {
                    if (sum != m.Checksum)
                        throw new MigrationException(
                            $"Migration {m.Path} was edited after it was applied (recorded checksum {sum[..12]}…, file {m.Checksum[..12]}…). " +
                            "Restore the applied text and put the change in a new migration file.");
                    continue;
                }
                await using var tx = await conn.BeginTransactionAsync(ct);
                var schema = QuoteIdent(m.Schema);
                await Exec(conn, tx, $"""
                    create schema if not exists {schema};
                    grant usage on schema {schema} to {role};
                    alter default privileges in schema {schema} grant select, insert, update, delete on tables to {role};
                    alter default privileges in schema {schema} grant usage, select on sequences to {role};
                    alter default privileges in schema {schema} grant execute on functions to {role};
                    """, ct);
                try { await Exec(conn, tx, m.Sql, ct); }
                catch (PostgresException e) { throw new MigrationException($"Migration {m.Path} failed: {e.MessageText} (at position {e.Position})"); }
                await using (var rec = new NpgsqlCommand(
                    "insert into platform.schema_migrations (schema_name, version, name, checksum) values ($1, $2, $3, $4)", conn, tx))
                {
                    rec.Parameters.Add(new() { Value = m.Schema });
                    rec.Parameters.Add(new() { Value = m.Version });
                    rec.Parameters.Add(new() { Value = m.Name });
                    rec.Parameters.Add(new() { Value = m.Checksum });
                    await rec.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                log.LogInformation("Applied migration {Migration}", m.Path);
                ran++;
            }
            await ApplyRepeatableAsync(conn, role, repeatable, log, ct);
            return ran;
        }
        finally
        {
            await Exec(conn, null, $"select pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    /// <summary>Runs each repeatable file whose checksum is not the recorded one, each in its own transaction with its record.</summary>
    static async Task ApplyRepeatableAsync(NpgsqlConnection conn, string role, IReadOnlyList<Repeatable> files, ILogger log, CancellationToken ct)
    {
        await Exec(conn, null, $"""
            create table if not exists platform.schema_functions (
                schema_name text not null, name text not null, checksum text not null,
                applied_at timestamptz not null default now(), primary key (schema_name, name));
            grant select on platform.schema_functions to {role};
            """, ct);
        var applied = new Dictionary<(string, string), string>();
        await using (var cmd = new NpgsqlCommand("select schema_name, name, checksum from platform.schema_functions", conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) applied[(r.GetString(0), r.GetString(1))] = r.GetString(2);
        foreach (var f in files)
        {
            if (applied.TryGetValue((f.Schema, f.Name), out var sum) && sum == f.Checksum) continue;
            await using var tx = await conn.BeginTransactionAsync(ct);
            try { await Exec(conn, tx, f.Sql, ct); }
            catch (PostgresException e) { throw new MigrationException($"Repeatable file {f.Path} failed: {e.MessageText} (at position {e.Position})"); }
            await using (var rec = new NpgsqlCommand(
                """
                insert into platform.schema_functions (schema_name, name, checksum) values ($1, $2, $3)
                on conflict (schema_name, name) do update set checksum = excluded.checksum, applied_at = now()
                """, conn, tx))
            {
                rec.Parameters.Add(new() { Value = f.Schema });
                rec.Parameters.Add(new() { Value = f.Name });
                rec.Parameters.Add(new() { Value = f.Checksum });
                await rec.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
            log.LogInformation("Applied repeatable {File}", f.Path);
        }
    }

    /// <summary>True when every known migration is recorded (readiness).</summary>
    public static async Task<bool> IsCurrentAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        var expected = Discover().Count;
        await using var cmd = db.CreateCommand("select count(*) from platform.schema_migrations");
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct)) >= expected;
    }

    static async Task Exec(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static string QuoteIdent(string ident) => "\"" + ident.Replace("\"", "\"\"") + "\"";
}
