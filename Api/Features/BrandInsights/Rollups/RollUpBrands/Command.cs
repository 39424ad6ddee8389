using Api.Infrastructure.Database;
using Mediator;
using Npgsql;

namespace Api.Features.BrandInsights.Rollups.RollUpBrands;

/// <summary>
/// Recomputes the dashboard roll-ups (brand_daily, store_presence, store_snapshot, product_snapshot) as of today (UTC)
/// for <see cref="BrandIds"/>, or for every brand that is behind when null. Brands go in batches, one transaction each,
/// on the owner connection (the roll-up reads every brand's rows). Scheduled, and run after demo seeding and bench loads.
/// </summary>
sealed record Command(IReadOnlyList<long>? BrandIds = null, int BatchSize = 25) : ICommand<Result>;

sealed record Result(int Brands, TimeSpan Elapsed);

sealed class Handler(Db db, TimeProvider clock, ILogger<Handler> log) : ICommandHandler<Command, Result>
{
    static readonly string PickSql = Sql.Load<Handler>("PickBrands.sql");
    static readonly string RollUpSql = Sql.Load<Handler>("RollUpBrands.sql");

    public async ValueTask<Result> Handle(Command cmd, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var brands = cmd.BrandIds?.Distinct().ToList() ?? await PickAsync(today, ct);
        foreach (var batch in brands.Chunk(Math.Max(1, cmd.BatchSize)))
        {
            await using var conn = await db.Owner.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            await using (var roll = new NpgsqlCommand(RollUpSql, conn, tx) { CommandTimeout = 0 })
            {
                roll.Parameters.AddWithValue("Brands", batch);
                roll.Parameters.AddWithValue("Today", today);
                await roll.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        var elapsed = clock.GetElapsedTime(started);
        if (brands.Count > 0) log.LogInformation("Rolled up {Count} brands through {Today} in {Elapsed}", brands.Count, today, elapsed);
        return new Result(brands.Count, elapsed);
    }

    async Task<List<long>> PickAsync(DateOnly today, CancellationToken ct)
    {
        await using var pick = db.Owner.CreateCommand(PickSql);
        pick.Parameters.AddWithValue("Today", today);
        var ids = new List<long>();
        await using var r = await pick.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) ids.Add(r.GetInt64(0));
        return ids;
    }
}
