using System.Diagnostics;
using Api.Features.PriceWatch.Common;
using Api.Features.PriceWatch.Common.Matching;
using Api.Infrastructure.Database;
using Api.Infrastructure.Jobs;
using Api.Infrastructure.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace Api.Features.PriceWatch.Scraping.RunScrape;

/// <summary>
/// The durable scrape of one session: up to three competitors at a time (the fetcher keeps each host polite), each tried
/// twice at most (one retry after <c>PriceWatch:Scrape:RetryDelayMs</c>, default 3000 ms), one scrape_logs row per
/// competitor, products upserted with a price_history row whenever a price changes, session counters after each
/// competitor. Alert evaluation runs after the competitors, then the session always ends completed (at least one competitor
/// succeeded) or failed, even when the job itself throws. Idempotent across attempts: a later attempt (the worker of the
/// previous one died, its lease expired) finds the session still running, skips the competitors that already have their
/// scrape_logs row in this session (each row is written with the session counters in one transaction), scrapes the rest,
/// and notes the resumption in the session's <c>error_message</c>; a session that already ended is left as it is.
/// </summary>
sealed class Job(Db db, TenantContext tenantContext, StoreScraper scraper, AlertEvaluator alerts, IConfiguration config, ILogger<Job> log) : IJobHandler
{
    static readonly string SaveSql = Sql.Load<Job>("SaveProducts.sql");
    const int Batch = 1000;

    public async Task<object?> RunAsync(JobRun job, CancellationToken ct)
    {
        var payload = job.PayloadAs<ScrapeStarter.Payload>();
        var tenant = Guid.Parse(tenantContext.Id!);
        var retryDelay = TimeSpan.FromMilliseconds(config.GetValue("PriceWatch:Scrape:RetryDelayMs", 3000));
        string? fatal = null;
        int ok = 0, failed = 0, total = 0;
        var (running, finished) = await ProgressAsync(tenant, payload.SessionId, ct);
        if (!running) return new { session_id = payload.SessionId, already_finished = true };
        if (job.Attempt > 1)
        {
            log.LogWarning("Scrape session {Session} resumed on attempt {Attempt} ({Done} of {Total} competitors already done)",
                payload.SessionId, job.Attempt, finished.Count, payload.CompetitorIds.Length);
            await ExecAsync(tenant, "update pricewatch.scrape_sessions set error_message = $2 where id = $1 and status = 'running'", ct,
                payload.SessionId, $"worker lost on attempt {job.Attempt - 1}; resumed on attempt {job.Attempt} with {finished.Count} of {payload.CompetitorIds.Length} competitors done");
            ok = finished.Count(f => f.Value.Success);
            failed = finished.Count - ok;
            total = finished.Sum(f => f.Value.Products);
        }
        try
        {
            using var gate = new SemaphoreSlim(3);
            var done = finished.Count;
            await Task.WhenAll(payload.CompetitorIds.Where(c => !finished.ContainsKey(c)).Select(async competitor =>
            {
                await gate.WaitAsync(ct);
                try
                {
                    var (success, count) = await ScrapeOneAsync(tenant, payload.SessionId, competitor, retryDelay, ct);
                    if (success) Interlocked.Increment(ref ok); else Interlocked.Increment(ref failed);
                    Interlocked.Add(ref total, count);
                    await job.ReportAsync(Interlocked.Increment(ref done), payload.CompetitorIds.Length, $"{done} of {payload.CompetitorIds.Length} competitors", ct);
                }
                finally { gate.Release(); }
            }));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            fatal = $"{e.GetType().Name}: {e.Message}";
            log.LogWarning(e, "Scrape session {Session} failed", payload.SessionId);
        }
        finally
        {
            // alerts first, so a session that reads finished has its alerts evaluated
            try { await alerts.EvaluateAsync(tenant, CancellationToken.None); }
            catch (Exception e) { log.LogWarning(e, "Alert evaluation after scrape {Session} failed", payload.SessionId); }
            var status = fatal is null && (ok > 0 || payload.CompetitorIds.Length == 0) ? "completed" : "failed";
            var error = fatal ?? (status == "failed" ? $"all {failed} competitor scrapes failed" : null);
            await ExecAsync(tenant, """
                update pricewatch.scrape_sessions set status = $2, error_message = coalesce($3, error_message), completed_at = now()
                 where id = $1 and status = 'running'
                """, CancellationToken.None, payload.SessionId, status, error);
        }
        return new { session_id = payload.SessionId, successful = ok, failed, total_products = total };
    }

    /// <summary>Whether the session still runs, and the competitors it already logged (from an earlier attempt).</summary>
    async Task<(bool Running, Dictionary<Guid, (bool Success, int Products)> Done)> ProgressAsync(Guid tenant, Guid session, CancellationToken ct)
    {
        await using var conn = await db.App.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await Set(conn, tx, tenant, ct);
        await using var cmd = new NpgsqlCommand("""
            select s.status = 'running', l.competitor_id, l.status = 'success', l.products_found
              from pricewatch.scrape_sessions s
              left join pricewatch.scrape_logs l on l.session_id = s.id and l.competitor_id is not null
             where s.id = $1
            """, conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = session });
        var done = new Dictionary<Guid, (bool, int)>();
        var running = false;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            running = r.GetBoolean(0);
            if (!r.IsDBNull(1)) done[r.GetGuid(1)] = (r.GetBoolean(2), r.GetInt32(3));
        }
        return (running, done);
    }

    async Task<(bool Success, int Products)> ScrapeOneAsync(Guid tenant, Guid session, Guid competitorId, TimeSpan retryDelay, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        string? url = null, platform = null, error = null;
        await using (var conn = await db.App.OpenConnectionAsync(ct))
        await using (var tx = await conn.BeginTransactionAsync(ct))
        {
            await Set(conn, tx, tenant, ct);
            await using var cmd = new NpgsqlCommand("select url, platform from pricewatch.competitors where id = $1 and tenant_id = $2", conn, tx);
            cmd.Parameters.Add(new NpgsqlParameter { Value = competitorId });
            cmd.Parameters.Add(new NpgsqlParameter { Value = tenant });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (await r.ReadAsync(ct)) { url = r.GetString(0); platform = r.IsDBNull(1) ? null : r.GetString(1); }
        }
        ScrapeResult? result = null;
        var attempts = 0;
        if (url is null) error = "competitor no longer exists";
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var store) || store.Scheme is not ("http" or "https")) error = $"invalid store URL '{url}'";
        else
            for (attempts = 1; attempts <= 2; attempts++)
            {
                try { result = await scraper.ScrapeAsync(store, platform, ct); error = null; break; }
                catch (Exception e) when (e is HttpRequestException or TimeoutException or ScrapeException or IOException)
                {
                    error = $"{e.GetType().Name}: {e.Message}";
                    if (attempts == 1) await Task.Delay(retryDelay, ct);
                }
            }
        attempts = Math.Min(attempts, 2);

        var saved = 0;
        if (result is not null) saved = await SaveAsync(tenant, competitorId, result, ct);
        // the log row and the session counters commit together: a resumed attempt skips exactly what was counted
        await ExecAsync(tenant, """
            with logged as (
                insert into pricewatch.scrape_logs (tenant_id, session_id, competitor_id, status, platform, products_found, attempts, duration_ms, error_message)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                returning 1
            )
            update pricewatch.scrape_sessions set completed_targets = completed_targets + 1,
                   successful_scrapes = successful_scrapes + $10, failed_scrapes = failed_scrapes + $11, total_products = total_products + $6
             where id = $2 and exists (select 1 from logged)
            """, ct, tenant, session, competitorId, result is null ? "failed" : "success", result?.Platform ?? platform, saved, Math.Max(1, attempts),
            (int)watch.ElapsedMilliseconds, error, result is null ? 0 : 1, result is null ? 1 : 0);
        if (result is not null)
            await ExecAsync(tenant, "update pricewatch.competitors set last_scraped_at = now(), platform = coalesce(platform, $2) where id = $1", ct,
                competitorId, result.Platform);
        return (result is not null, saved);
    }

    async Task<int> SaveAsync(Guid tenant, Guid competitor, ScrapeResult result, CancellationToken ct)
    {
        var products = result.Products.DistinctBy(p => p.ExternalId).ToList();
        await using var conn = await db.App.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await Set(conn, tx, tenant, ct);
        var saved = 0;
        foreach (var chunk in products.Chunk(Batch))
        {
            await using var cmd = new NpgsqlCommand(SaveSql, conn, tx);
            var packs = chunk.Select(p => PackQuantity.Extract($"{p.Name} {p.VariantTitle}")).ToArray();
            cmd.Parameters.Add(new NpgsqlParameter { Value = tenant });
            cmd.Parameters.Add(new NpgsqlParameter { Value = competitor });
            cmd.Parameters.Add(Text(chunk.Select(p => p.ExternalId)));
            cmd.Parameters.Add(Text(chunk.Select(p => Cut(p.Name, 1000))));
            cmd.Parameters.Add(Text(chunk.Select(p => p.VariantTitle)));
            cmd.Parameters.Add(Text(chunk.Select(p => p.Url)));
            cmd.Parameters.Add(Text(chunk.Select(p => p.Sku)));
            cmd.Parameters.Add(Text(chunk.Select(p => p.Vendor)));
            cmd.Parameters.Add(Text(chunk.Select(p => p.ProductType)));
            cmd.Parameters.Add(new NpgsqlParameter { Value = chunk.Select(p => p.Price).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Numeric });
            cmd.Parameters.Add(new NpgsqlParameter { Value = chunk.Select(p => p.InStock).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Boolean });
            cmd.Parameters.Add(new NpgsqlParameter { Value = packs, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
            saved += Convert.ToInt32(await cmd.ExecuteScalarAsync(ct));
        }
        await tx.CommitAsync(ct);
        return saved;
    }

    static NpgsqlParameter Text(IEnumerable<string?> values) =>
        new() { Value = values.Select(v => (object?)v ?? DBNull.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    static string Cut(string s, int max) => s.Length <= max ? s : s[..max];

    static async Task Set(NpgsqlConnection conn, NpgsqlTransaction tx, Guid tenant, CancellationToken ct)
    {
        await using var set = new NpgsqlCommand("select set_config('app.tenant_id', $1, true)", conn, tx);
        set.Parameters.Add(new NpgsqlParameter { Value = tenant.ToString() });
        await set.ExecuteNonQueryAsync(ct);
    }

    async Task ExecAsync(Guid tenant, string sql, CancellationToken ct, params object?[] args)
    {
        await using var conn = await db.App.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await Set(conn, tx, tenant, ct);
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        foreach (var a in args) cmd.Parameters.Add(a is null ? new NpgsqlParameter<string?> { TypedValue = null } : new NpgsqlParameter { Value = a });
        await cmd.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }
}
