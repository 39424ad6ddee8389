using Api.Infrastructure.Database;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Api.Tests.Platform;

public sealed class MigrationTests
{
    [Fact]
    public async Task Several_instances_migrating_at_once_apply_each_file_once()
    {
        var db = await TestCluster.CreateDatabaseAsync(fromTemplate: false);
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => Migrator.MigrateAsync(db, TestCluster.AppRole, NullLogger.Instance, CancellationToken.None))));
        var expected = Migrator.Discover().Count;
        Assert.Equal(expected, runs.Sum());
        await using var conn = new NpgsqlConnection(db);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select count(*) from platform.schema_migrations", conn);
        Assert.Equal((long)expected, await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task An_edited_applied_migration_stops_start_up_with_a_clear_message()
    {
        var db = await TestCluster.CreateDatabaseAsync();
        var edited = Migrator.Discover().Select((m, i) => i == 0 ? m with { Sql = m.Sql + "\n-- edited" } : m).ToList();
        var e = await Assert.ThrowsAsync<Migrator.MigrationException>(() =>
            Migrator.MigrateAsync(db, TestCluster.AppRole, NullLogger.Instance, CancellationToken.None, edited));
        Assert.Contains("db/sql/platform/0001_platform.sql", e.Message);
        Assert.Contains("was edited after it was applied", e.Message);
    }

    [Fact]
    public async Task A_failing_migration_leaves_nothing_half_applied()
    {
        var db = await TestCluster.CreateDatabaseAsync();
        var broken = Migrator.Discover().Append(new Migrator.Migration("platform", 9999, "broken",
            "create table platform.half_done (id int); select * from no_such_table;")).ToList();
        var e = await Assert.ThrowsAsync<Migrator.MigrationException>(() =>
            Migrator.MigrateAsync(db, TestCluster.AppRole, NullLogger.Instance, CancellationToken.None, broken));
        Assert.Contains("9999_broken", e.Message);
        await using var conn = new NpgsqlConnection(db);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select to_regclass('platform.half_done') is null", conn);
        Assert.Equal(true, await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public void Every_sql_file_is_embedded()
    {
        var root = FindRepoRoot();
        var assembly = typeof(Migrator).Assembly;
        var resources = assembly.GetManifestResourceNames().ToHashSet();
        foreach (var file in Directory.GetFiles(Path.Combine(root, "Api", "Features"), "*.sql", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(Path.Combine(root, "Api"), file).Replace('/', '.');
            Assert.Contains("Api." + rel, resources);
        }
        foreach (var file in Directory.GetFiles(Path.Combine(root, "db", "sql"), "*.sql", SearchOption.AllDirectories))
            Assert.Contains(Path.GetRelativePath(root, file).Replace('\\', '/'), resources);
    }

    [Fact]
    public void Missing_server_binaries_give_one_clear_message()
    {
        var e = Assert.Throws<InvalidOperationException>(() => EmbeddedPostgres.FindBinaries("/nonexistent/bin"));
        Assert.Contains("EmbeddedBinDir", e.Message);
    }

    internal static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Slices.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Slices.sln not found above the test output");
    }
}
