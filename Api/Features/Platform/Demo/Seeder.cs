using System.Text.Json;
using Api.Infrastructure.Database;
using Api.Infrastructure.Demo;
using Bogus;
using Npgsql;

namespace Api.Features.Platform.Demo;

/// <summary>Demo tenant <see cref="DemoTenant"/> with a handful of settings (fixed Bogus seed, idempotent).</summary>
sealed class Seeder : IDemoSeeder
{
    public static readonly Guid DemoTenant = Guid.Parse("6f1f7a52-3d5c-4b8e-9a57-1c0de5eed001");
    public string Name => "platform";

    public async Task SeedAsync(Db db, CancellationToken ct)
    {
        var faker = new Faker { Random = new Randomizer(DemoData.Seed) };
        var settings = new Dictionary<string, object>
        {
            ["display.timezone"] = "America/Los_Angeles",
            ["display.currency"] = "USD",
            ["notifications.email"] = faker.Internet.Email(),
            ["notifications.daily_digest"] = true,
            ["company.name"] = faker.Company.CompanyName(),
            ["company.address"] = new { street = faker.Address.StreetAddress(), city = faker.Address.City(), state = faker.Address.StateAbbr() },
        };
        await using var conn = await db.Owner.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var set = new NpgsqlCommand("select set_config('app.tenant_id', $1, true)", conn, tx))
        {
            set.Parameters.Add(new NpgsqlParameter { Value = DemoTenant.ToString() });
            await set.ExecuteNonQueryAsync(ct);
        }
        foreach (var (key, value) in settings)
        {
            await using var cmd = new NpgsqlCommand("""
                insert into platform.tenant_settings (tenant_id, key, value) values ($1, $2, $3::jsonb)
                on conflict (tenant_id, key) do nothing
                """, conn, tx);
            cmd.Parameters.Add(new NpgsqlParameter { Value = DemoTenant });
            cmd.Parameters.Add(new NpgsqlParameter { Value = key });
            cmd.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(value) });
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }
}
