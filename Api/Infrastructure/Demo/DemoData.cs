using Api.Infrastructure.Database;
using Npgsql;

namespace Api.Infrastructure.Demo;

/// <summary>A module's demo data, written with Bogus from a fixed seed. Seeders are idempotent (fixed keys, on conflict do nothing).</summary>
public interface IDemoSeeder
{
    string Name { get; }
    Task SeedAsync(Db db, CancellationToken ct);
}

public static class DemoData
{
    /// <summary>The fixed Bogus seed every seeder starts from, so demo data (and the .http samples) never change between runs.</summary>
    public const int Seed = 20261128;

    public static async Task<bool> AnySeededAsync(Db db, CancellationToken ct)
    {
        await using var cmd = db.Owner.CreateCommand("select exists (select from platform.demo_seeds)");
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Db>();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("DemoData");
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoSeeder>().OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            await seeder.SeedAsync(db, ct);
            await using var cmd = db.Owner.CreateCommand(
                "insert into platform.demo_seeds (name) values ($1) on conflict (name) do update set seeded_at = now()");
            cmd.Parameters.Add(new NpgsqlParameter { Value = seeder.Name });
            await cmd.ExecuteNonQueryAsync(ct);
            log.LogInformation("Seeded demo data: {Seeder}", seeder.Name);
        }
    }
}
