using System.Diagnostics;
using System.Text.Json;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Jobs;
using LinqToDB.Data;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Api.Features.Wholesale.SalesScoring.Refit;

/// <summary>
/// The BG/NBD + Gamma-Gamma refit (platform job <see cref="Type"/>): reads order history, fits both models, scores every buyer,
/// runs the holdout check (refit without the last 13 weeks, predicted against actual transactions), and replaces the scores
/// in one transaction. A fit that fails, does not converge or yields a non-finite value marks the run failed with the reason
/// and leaves the previous scores in place.
/// </summary>
sealed class Job(AppDb db, BusinessClock clock, IOptions<SalesScoringOptions> options, ILogger<Job> log) : IJobHandler
{
    public const string Type = "wholesale.scores.refit";
    const long LockKey = 0x5C0_4E5;
    static readonly string SaveSql = Sql.Load<Job>("SaveScores.sql");

    public sealed record Payload(string Trigger, long? StaffId);

    /// <summary>Enqueues a refit unless one is queued or running (null then: the caller answers 409). Serialised by an advisory lock.</summary>
    public static async Task<long?> StartAsync(AppDb db, string trigger, long? staffId, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        await db.ExecuteAsync("select pg_advisory_xact_lock(@Key)", new { Key = LockKey }, ct);
        var busy = await db.QueryToListAsync<long>(
            "select id from platform.jobs where type = @Type and status in ('queued', 'running') limit 1", new { Type }, ct);
        if (busy.Count > 0) return null;
        var id = await JobQueue.EnqueueAsync(db, Type, new Payload(trigger, staffId), maxAttempts: 2, ct: ct);
        await tx.CommitAsync(ct);
        return id;
    }

    public async Task<object?> RunAsync(JobRun job, CancellationToken ct)
    {
        var payload = job.PayloadAs<Payload>();
        var runId = await db.ExecuteAsync<long>("""
            insert into wholesale.score_runs (job_id, trigger, requested_by) values (@JobId, @Trigger, @StaffId) returning id
            """, new { JobId = job.Id, payload.Trigger, payload.StaffId }, ct);
        try
        {
            var result = await RefitAsync(job, runId, ct);
            return result;
        }
        catch (Exception e) when (e is FitFailed or ArgumentException or ArithmeticException)
        {
            await db.ExecuteAsync("update wholesale.score_runs set status = 'failed', error = @Error, finished_at = now() where id = @Id",
                new { Id = runId, Error = e.Message }, ct);
            log.LogWarning("Score refit {RunId} failed, previous scores kept: {Reason}", runId, e.Message);
            return new { run_id = runId, status = "failed", error = e.Message };
        }
        catch (Exception e)
        {
            await db.ExecuteAsync("update wholesale.score_runs set status = 'failed', error = @Error, finished_at = now() where id = @Id",
                new { Id = runId, Error = "refit attempt failed: " + e.Message }, CancellationToken.None);
            throw;
        }
    }

    async Task<object> RefitAsync(JobRun job, long runId, CancellationToken ct)
    {
        var opts = options.Value;
        var today = clock.Today;
        await job.ReportAsync(1, 4, "reading order history", ct);
        var read = Stopwatch.StartNew();
        var rows = await History.ReadAsync((NpgsqlConnection)await db.OpenDbConnectionAsync(ct), clock.Zone, today, HoldoutCutoff(today), ct);
        var readMs = (int)read.ElapsedMilliseconds;
        if (rows.Count < opts.MinCustomers)
            throw new FitFailed($"too few customers with orders to fit ({rows.Count}; at least {opts.MinCustomers})");
        var data = rows.Select(ToRft).ToList();
        if (data.Count(d => d.X > 0) < opts.MinRepeatBuyers)
            throw new FitFailed($"too few repeat buyers to fit ({data.Count(d => d.X > 0)}; at least {opts.MinRepeatBuyers})");

        await job.ReportAsync(2, 4, $"fitting BG/NBD and Gamma-Gamma on {data.Count} customers", ct);
        var sw = Stopwatch.StartNew();
        var bg = Model.FitBgNbd(data);
        var gg = Model.FitGammaGamma(data);
        var fitMs = (int)sw.ElapsedMilliseconds;
        if (!bg.Converged) throw new FitFailed($"BG/NBD fit did not converge (r={bg.R:g4}, alpha={bg.Alpha:g4}, a={bg.A:g4}, b={bg.B:g4})");
        if (!gg.Converged) throw new FitFailed($"Gamma-Gamma fit did not converge (p={gg.P:g4}, q={gg.Q:g4}, gamma={gg.Gamma:g4})");

        // the predictions are independent per customer (Hyp2F1 series each): spread over the cores, in order
        var scored = data.AsParallel().AsOrdered().Select((c, i) =>
        {
            var pAlive = Model.PAlive(bg, c);
            var e90 = Model.ExpectedTransactions(bg, c, 90 / 7.0);
            var e52 = Model.ExpectedTransactions(bg, c, 52);
            var ev = Model.ExpectedValue(gg, c);
            return (Row: rows[i], C: c, PAlive: pAlive, E90: e90, Ev: ev, V12: e52 * ev);
        }).ToList();
        if (scored.Any(s => !double.IsFinite(s.PAlive) || !double.IsFinite(s.E90) || !double.IsFinite(s.Ev) || !double.IsFinite(s.V12)))
            throw new FitFailed("the fitted model gave a non-finite score");
        var active = scored.Where(s => s.C.X > 0 && s.PAlive >= opts.ActiveFrom).Select(s => s.E90).OrderBy(v => v).ToList();
        var championFrom = active.Count == 0 ? double.MaxValue : active[(int)Math.Floor(0.75 * (active.Count - 1))];
        string Tier(double pAlive, double e90, int x) =>
            x == 0 ? "new" : pAlive < opts.LapsedBelow ? "lapsed" : pAlive < opts.ActiveFrom ? "at_risk" : e90 >= championFrom ? "champion" : "active";

        await job.ReportAsync(3, 4, "holdout check (last 13 weeks held out)", ct);
        var phase = Stopwatch.StartNew();
        var holdout = Holdout(rows);
        var holdoutMs = (int)phase.ElapsedMilliseconds;

        await job.ReportAsync(4, 4, $"writing {scored.Count} scores", ct);
        phase.Restart();
        await using (var tx = await db.BeginTransactionAsync(ct))
        {
            await db.ExecuteAsync(SaveSql, new
            {
                RunId = runId,
                Ids = scored.Select(s => s.Row.CustomerId).ToArray(),
                Xs = scored.Select(s => s.C.X).ToArray(),
                Txs = scored.Select(s => s.C.Tx).ToArray(),
                Ts = scored.Select(s => s.C.T).ToArray(),
                OrderCounts = scored.Select(s => s.Row.Orders).ToArray(),
                Spent = scored.Select(s => s.Row.Spent).ToArray(),
                FirstAt = scored.Select(s => s.Row.FirstAt.UtcDateTime).ToArray(),
                LastAt = scored.Select(s => (s.Row.LastAt ?? s.Row.FirstAt).UtcDateTime).ToArray(),
                PAlive = scored.Select(s => Math.Clamp(s.PAlive, 0, 1)).ToArray(),
                E90 = scored.Select(s => s.E90).ToArray(),
                Ev = scored.Select(s => Money.Round((decimal)s.Ev)).ToArray(),
                V12 = scored.Select(s => Money.Round((decimal)Math.Min(s.V12, 1e9))).ToArray(),
                Tiers = scored.Select(s => Tier(s.PAlive, s.E90, s.C.X)).ToArray(),
            }, ct);
            await db.ExecuteAsync("""
                update wholesale.score_runs
                   set status = 'succeeded', finished_at = now(), customers = @Customers, repeat_buyers = @Repeat, fit_ms = @FitMs,
                       r = @R, alpha = @Alpha, a = @A, b = @B, log_likelihood = @Ll, p = @P, q = @Q, gamma = @G,
                       holdout = cast(@Holdout as jsonb),
                       tier_counts = (select coalesce(jsonb_object_agg(tier, n), '{}') from
                                        (select tier, count(*) as n from wholesale.customer_scores group by tier) t)
                 where id = @Id
                """, new
            {
                Id = runId, Customers = data.Count, Repeat = data.Count(d => d.X > 0), FitMs = fitMs,
                bg.R, bg.Alpha, bg.A, bg.B, Ll = bg.LogLikelihood, gg.P, gg.Q, G = gg.Gamma,
                Holdout = JsonSerializer.Serialize(holdout),
            }, ct);
            await tx.CommitAsync(ct);
        }
        log.LogInformation("Score refit {RunId}: {Count} customers; history read {ReadMs} ms, fit {FitMs} ms, holdout {HoldoutMs} ms, writes {WriteMs} ms",
            runId, data.Count, readMs, fitMs, holdoutMs, (int)phase.ElapsedMilliseconds);
        return new { run_id = runId, status = "succeeded", customers = data.Count, fit_ms = fitMs, holdout };
    }

    static DateOnly HoldoutCutoff(DateOnly today) => today.AddDays(-91);

    /// <summary>Refit on history up to 13 weeks ago (the H* figures of the one history read), then the predicted transactions of
    /// those 13 weeks against the actual ones.</summary>
    Dictionary<string, object?> Holdout(List<History.Row> all)
    {
        var rows = all.Where(r => r.InHoldout).ToList();
        var data = rows.Select(r => new Rft(r.HX, (double)r.HTx, (double)r.HT, r.HX > 0 ? (double)(r.HRepeatAmount / r.HX) : 0)).ToList();
        if (data.Count < options.Value.MinCustomers || data.Count(d => d.X > 0) < options.Value.MinRepeatBuyers)
            return new() { ["weeks"] = 13, ["status"] = "skipped", ["reason"] = "too little history before the holdout period" };
        var fit = Model.FitBgNbd(data);
        var predicted = data.AsParallel().AsOrdered().Select(c => Model.ExpectedTransactions(fit, c, 13)).ToList();
        double actualTotal = rows.Sum(r => r.HLater), predictedTotal = predicted.Sum();
        var mae = rows.Select((r, i) => Math.Abs(predicted[i] - r.HLater)).Average();
        return new()
        {
            ["weeks"] = 13, ["status"] = fit.Converged ? "ok" : "unconverged", ["customers"] = data.Count,
            ["predicted_total"] = Math.Round(predictedTotal, 2), ["actual_total"] = actualTotal,
            ["mean_absolute_error"] = Math.Round(mae, 4),
        };
    }

    static Rft ToRft(History.Row r) => new(r.X, (double)r.Tx, (double)r.T, r.X > 0 ? (double)(r.RepeatAmount / r.X) : 0);

    sealed class FitFailed(string message) : Exception(message);
}
