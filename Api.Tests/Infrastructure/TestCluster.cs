using Api.Infrastructure.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Api.Tests.Infrastructure;

/// <summary>
/// One embedded PostgreSQL cluster per test run (fsync off), one migrated template database, and a fresh database per
/// test class cloned from it, so classes run in parallel without sharing rows.
/// </summary>
public static class TestCluster
{
    public const string AppRole = "slices_app";
    static readonly SemaphoreSlim CloneGate = new(1, 1);
    static readonly Lazy<Task<EmbeddedPostgres>> Cluster = new(StartAsync);
    static int _counter;

    static async Task<EmbeddedPostgres> StartAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"slices-tests-{Environment.ProcessId}", "pg");
        var pg = await EmbeddedPostgres.StartAsync(dir, Environment.GetEnvironmentVariable("SLICES_PG_BIN"), fsync: false,
            NullLogger.Instance, CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            pg.StopAsync().GetAwaiter().GetResult();
            try { Directory.Delete(Path.GetDirectoryName(dir)!, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        await using (var conn = new NpgsqlConnection(pg.ConnectionString()))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("create database slices_template", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var template = pg.ConnectionString("slices_template");
        await EnsureAppRoleAsync(template);
        await Migrator.MigrateAsync(template, AppRole, NullLogger.Instance, CancellationToken.None);
        NpgsqlConnection.ClearAllPools();
        return pg;
    }

    static async Task EnsureAppRoleAsync(string owner)
    {
        await using var conn = new NpgsqlConnection(owner);
        await conn.OpenAsync();
        var pw = Db.DeriveAppPassword(owner);
        await using var cmd = new NpgsqlCommand(
            $"create role {AppRole} login password '{pw}' nosuperuser nocreatedb nocreaterole nobypassrls", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Owner connection string of a new database cloned from the migrated template.</summary>
    public static async Task<string> CreateDatabaseAsync(bool fromTemplate = true)
    {
        var pg = await Cluster.Value;
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}";
        await CloneGate.WaitAsync();
        try
        {
            await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(pg.ConnectionString()) { Pooling = false }.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"create database {name}" + (fromTemplate ? " template slices_template" : ""), conn);
            await cmd.ExecuteNonQueryAsync();
        }
        finally { CloneGate.Release(); }
        return pg.ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/> (forcing out what is still connected); best effort.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        if (string.IsNullOrEmpty(connectionString) || !Cluster.IsValueCreated) return;
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (string.IsNullOrEmpty(name) || name == "slices_template") return;
        try
        {
            var pg = await Cluster.Value;
            await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(pg.ConnectionString()) { Pooling = false }.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"drop database if exists \"{name}\" with (force)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException) { }
    }
}
