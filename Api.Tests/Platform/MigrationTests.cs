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
    public async Task Repeatable_function_files_run_after_the_numbered_ones_and_again_only_when_they_change()
    {
        var db = await TestCluster.CreateDatabaseAsync(fromTemplate: false);
        await Migrator.MigrateAsync(db, TestCluster.AppRole, NullLogger.Instance, CancellationToken.None);
        var files = Migrator.DiscoverRepeatable();
        Assert.Contains(files, f => f.Path == "db/sql/wholesale/functions/set_order_status.sql");
        Assert.Equal((long)files.Count, await Scalar<long>(db, "select count(*) from platform.schema_functions"));

        Migrator.Repeatable V(int n) => new("platform", "zz_answer",
            $"create or replace function platform.zz_answer() returns int language sql immutable as $$ select {n} $$;");
        await Migrator.MigrateAsync(db, TestCluster.AppRole, NullLogger.Instance, CancellationToken.None, Migrator.Discover(), [V(1)]);
        Assert.Equal(1, await Scalar<int>(db, "select platform.zz_answer()"));
        var first = await Scalar<DateTime>(db, "select applied_at from platform.schema_functions where name = 'zz_answer'");

        // unchanged: not run again; changed: re-applied and re-recorded
        Assert.Equal(0, await Migrator.MigrateAsync(db, TestCluster.AppRole, NullLogger.Instance, CancellationToken.None, Migrator.Discover(), [V(1)]));
        Assert.Equal(first, await Scalar<DateTime>(db, "select applied_at from platform.schema_functions where name = 'zz_answer'"));
        await Migrator.MigrateAsync(db, TestCluster.AppRole, NullLogger.Instance, CancellationToken.None, Migrator.Discover(), [V(2)]);
        Assert.Equal(2, await Scalar<int>(db, "select platform.zz_answer()"));

        // a failing change names its file and leaves the previous function and record in place
        var broken = new Migrator.Repeatable("platform", "zz_answer",
            "create or replace function platform.zz_answer() returns int language sql immutable as $$ select 3 $$; select * from no_such_table;");
        var e = await Assert.ThrowsAsync<Migrator.MigrationException>(() =>
            Migrator.MigrateAsync(db, TestCluster.AppRole, NullLogger.Instance, CancellationToken.None, Migrator.Discover(), [broken]));
        Assert.Contains("db/sql/platform/functions/zz_answer.sql", e.Message);
        Assert.Equal(2, await Scalar<int>(db, "select platform.zz_answer()"));
        Assert.Equal(V(2).Checksum, await Scalar<string>(db, "select checksum from platform.schema_functions where name = 'zz_answer'"));
    }

    [Fact]
    public void Every_function_a_numbered_migration_creates_has_its_repeatable_file()
    {
        // a function's current text lives in db/sql/<schema>/functions/<name>.sql; numbered files only create it the first time
        var repeatable = Migrator.DiscoverRepeatable().Select(f => $"{f.Schema}.{f.Name}").ToHashSet();
        var created = Migrator.Discover()
            .SelectMany(m => System.Text.RegularExpressions.Regex.Matches(m.Sql, @"(?im)^create (?:or replace )?function\s+([a-z_]+\.[a-z_]+)\s*\(")
                .Select(x => x.Groups[1].Value))
            .ToHashSet();
        var dropped = new[] { "adpriority.products_deleted" };   // dropped in adpriority 0003
        var missing = created.Except(repeatable).Except(dropped).Order().ToList();
        Assert.True(missing.Count == 0, "functions without a repeatable file: " + string.Join(", ", missing));
    }

    static async Task<T> Scalar<T>(string db, string sql)
    {
        await using var conn = new NpgsqlConnection(db);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync())!;
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
