using System.Text.Json;
using Api.Infrastructure.Database;
using LinqToDB.Data;
using Npgsql;
using NpgsqlTypes;

namespace Api.Features.AdPriority.Scoring;

/// <summary>Which variants a recalculation covers and whether it writes.</summary>
public sealed record RecalcScope(bool IncludeOverrides = false, IReadOnlyList<string>? ProductTypes = null,
    IReadOnlyList<Guid>? ProductIds = null, bool DryRun = false);

public sealed record RecalcResult(int Recalculated, int SkippedOverrides, int Increased, int Decreased, int Unchanged,
    IReadOnlyDictionary<string, int> Distribution, DateTime CalculatedAt, string Season, int Written);

/// <summary>
/// Loads a tenant's scoring configuration and variants, runs <see cref="ScoringEngine"/> over them and stores what changed
/// (binary COPY into a temp table; new scores inserted, changed ones updated: the variants and their scores were read
/// under the tenant's writer lock, so which is which is known), then refreshes the products' summary columns. Runs on the caller's
/// connection inside its tenant transaction. Used by recalculation, product sync, webhooks and the scheduled runs.
/// </summary>
public sealed class Recalculator(AppDb db, TimeProvider clock)
{
    static readonly string ConfigSql = Sql.Load<Recalculator>("ScoringConfig.sql");
    static readonly string VariantsSql = Sql.Load<Recalculator>("ScoringVariants.sql");
    static readonly string WriteSql = Sql.Load<Recalculator>("WriteScores.sql");

    public async Task<RecalcResult> RunAsync(Tenant tenant, RecalcScope scope, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var conn = (NpgsqlConnection)await db.OpenDbConnectionAsync(ct);
        if (!scope.DryRun)   // one writer per tenant at a time (request, sync job, webhook job, schedule)
        {
            await using var lk = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended('adpriority.recalc:' || $1::text, 0))", conn);
            lk.Parameters.Add(new NpgsqlParameter { Value = tenant.Id });
            await lk.ExecuteNonQueryAsync(ct);
        }
        var config = await LoadConfigAsync(conn, tenant, now, ct);
        var engine = new ScoringEngine(config);

        var rows = new List<Out>(1024);
        int skipped = 0, inc = 0, dec = 0, same = 0;
        var distribution = new int[6];
        await using (var cmd = new NpgsqlCommand(VariantsSql, conn))
        {
            cmd.Parameters.Add(new NpgsqlParameter("tenant", tenant.Id));
            cmd.Parameters.Add(new NpgsqlParameter("types", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (object?)scope.ProductTypes?.ToArray() ?? DBNull.Value });
            cmd.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = (object?)scope.ProductIds?.ToArray() ?? DBNull.Value });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var computed = engine.Score(r.GetString(2), r.GetFieldValue<string[]>(3), r.GetDateTime(4), r.GetInt32(5));
                int? previous = r.IsDBNull(6) ? null : r.GetInt32(6);
                var locked = !r.IsDBNull(7) && r.GetBoolean(7);
                var (score, isLocked, change) = ScoringEngine.Apply(computed, previous, locked, scope.IncludeOverrides);
                switch (change)
                {
                    case ScoreChange.SkippedOverride: skipped++; break;
                    case ScoreChange.Increased: inc++; break;
                    case ScoreChange.Decreased: dec++; break;
                    default: same++; break;
                }
                distribution[score.Priority]++;
                var differs = previous is null || previous != score.Priority || locked != isLocked
                    || r.IsDBNull(8) || r.GetString(8) != score.Label1 || r.GetString(9) != score.Label2
                    || r.GetString(10) != score.Label3 || r.GetString(11) != score.Label4;
                if (differs) rows.Add(new Out(r.GetGuid(0), r.GetGuid(1), score, isLocked, previous is null));
            }
        }

        if (!scope.DryRun)
        {
            await WriteAsync(conn, tenant.Id, rows, now, ct);
            await using var season = new NpgsqlCommand(
                "update adpriority.tenants set current_season = $2, updated_at = now() where id = $1 and current_season is distinct from $2", conn);
            season.Parameters.Add(new NpgsqlParameter { Value = tenant.Id });
            season.Parameters.Add(new NpgsqlParameter { Value = config.CurrentSeason });
            await season.ExecuteNonQueryAsync(ct);
        }

        var dist = new Dictionary<string, int>();
        for (var p = 0; p <= 5; p++) dist[p.ToString(System.Globalization.CultureInfo.InvariantCulture)] = distribution[p];
        return new RecalcResult(inc + dec + same, skipped, inc, dec, same, dist, now, config.CurrentSeason, scope.DryRun ? 0 : rows.Count);
    }

    async Task WriteAsync(NpgsqlConnection conn, Guid tenant, List<Out> rows, DateTime now, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand("""
            create temp table if not exists adpriority_score_batch (
                variant_id uuid, product_id uuid, priority int, label0 text, label1 text, label2 text, label3 text, label4 text, is_override boolean, is_new boolean
            ) on commit drop;
            truncate adpriority_score_batch;
            """, conn))
            await create.ExecuteNonQueryAsync(ct);
        if (rows.Count > 0)
        {
            await using var copy = await conn.BeginBinaryImportAsync(
                "copy adpriority_score_batch (variant_id, product_id, priority, label0, label1, label2, label3, label4, is_override, is_new) from stdin (format binary)", ct);
            foreach (var o in rows)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(o.VariantId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(o.ProductId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(o.Score.Priority, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(o.Score.Label0, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(o.Score.Label1, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(o.Score.Label2, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(o.Score.Label3, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(o.Score.Label4, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(o.Locked, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(o.IsNew, NpgsqlDbType.Boolean, ct);
            }
            await copy.CompleteAsync(ct);
        }
        // no ANALYZE of the batch (it cost more than the joins it informed): an unanalyzed table is estimated from its size on disk
        await using var write = new NpgsqlCommand(WriteSql, conn);
        write.Parameters.Add(new NpgsqlParameter("tenant", tenant));
        write.Parameters.Add(new NpgsqlParameter("now", now));
        write.Parameters.Add(new NpgsqlParameter("products", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = rows.Select(o => o.ProductId).Distinct().ToArray() });
        await write.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Rules, tag modifiers, seasons and the current season's overrides of one tenant (inside its transaction).</summary>
    public static async Task<ScoringConfig> LoadConfigAsync(NpgsqlConnection conn, Tenant tenant, DateTime now, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(ConfigSql, conn);
        cmd.Parameters.Add(new NpgsqlParameter("tenant", tenant.Id));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var rules = new List<RuleDef>();
        while (await r.ReadAsync(ct)) rules.Add(new RuleDef(r.GetGuid(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt32(3), ParseTagAdjustments(r.GetString(4))));
        await r.NextResultAsync(ct);
        var tags = new Dictionary<string, TagModifier>(StringComparer.OrdinalIgnoreCase);
        while (await r.ReadAsync(ct)) tags[r.GetString(0)] = new TagModifier(r.IsDBNull(1) ? null : r.GetInt32(1), r.IsDBNull(2) ? null : r.GetInt32(2));
        await r.NextResultAsync(ct);
        var seasons = new List<SeasonDef>();
        while (await r.ReadAsync(ct)) seasons.Add(new SeasonDef(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4)));
        await r.NextResultAsync(ct);
        var overrides = new List<(Guid Season, string Category, int Priority)>();
        while (await r.ReadAsync(ct)) overrides.Add((r.GetGuid(0), r.GetString(1), r.GetInt32(2)));

        if (seasons.Count == 0) seasons = SeasonCalendar.Defaults.Select(d => new SeasonDef(Guid.Empty, d.Season, d.Name, d.Start, d.End)).ToList();
        var current = SeasonCalendar.Current(seasons, SeasonCalendar.Today(now, SeasonCalendar.Zone(tenant.Timezone)).Month)!;
        var plan = tenant.Plan;
        return new ScoringConfig
        {
            CurrentSeason = current.Season,
            Rules = rules,
            SeasonOverrides = overrides.Where(o => o.Season == current.Id).ToDictionary(o => o.Category, o => o.Priority, StringComparer.Ordinal),
            TagModifiers = plan.TagModifiers ? tags : new Dictionary<string, TagModifier>(),
            DefaultPriority = tenant.DefaultPriority,
            NewArrivalDays = plan.NewArrivalBoost ? tenant.NewArrivalDays : 0,
            NewArrivalPriority = tenant.NewArrivalPriority,
            Now = now,
        };
    }

    /// <summary><c>{"tagAdjustments": {"TAG": {"adjustment": 1} | {"override": 0}}}</c>; anything else in modifiers is ignored.</summary>
    public static IReadOnlyDictionary<string, TagModifier> ParseTagAdjustments(string modifiersJson)
    {
        var result = new Dictionary<string, TagModifier>(StringComparer.OrdinalIgnoreCase);
        using var doc = JsonDocument.Parse(modifiersJson);
        if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("tagAdjustments", out var adj) || adj.ValueKind != JsonValueKind.Object)
            return result;
        foreach (var tag in adj.EnumerateObject())
        {
            if (tag.Value.ValueKind != JsonValueKind.Object) continue;
            int? a = tag.Value.TryGetProperty("adjustment", out var av) && av.TryGetInt32(out var ai) ? ai : null;
            int? o = tag.Value.TryGetProperty("override", out var ov) && ov.TryGetInt32(out var oi) ? oi : null;
            if (a is not null || o is not null) result[tag.Name] = new TagModifier(a, o);
        }
        return result;
    }

    readonly record struct Out(Guid VariantId, Guid ProductId, VariantScore Score, bool Locked, bool IsNew);
}
