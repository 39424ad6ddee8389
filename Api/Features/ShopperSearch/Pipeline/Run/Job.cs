using System.Collections.Concurrent;
using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.ImageFetch;
using Api.Infrastructure.Jobs;
using LinqToDB.Data;

namespace Api.Features.ShopperSearch.Pipeline.Run;

/// <summary>
/// The push pipeline of one ingest run, as a durable job: enrichment_dev (HTML stripped, category and gender inferred),
/// create_color_embeddings (image1 fetched through the guarded fetcher: three dominant colours with coverage, HSV, a visual
/// descriptor; the stated colour in CIELAB), add_color_names, create_text_embeddings, create_img_embeddings (embedding of the
/// image description). Each step updates pipeline_status; a failing step records error_message and fails the attempt, and the
/// retry (or a new run) resumes at the first step not yet completed. Rows still to enrich are those with enriched_at null.
/// One run per merchant at a time: a run first takes the merchant's session advisory lock (<see cref="LockKey"/>) on its own
/// connection and holds it to the end, so a retry waits for what is left of a lost attempt (a dead worker's connection
/// releases it; a stalled one loses its lease and is cancelled) and a new run for the same merchant waits its turn; row
/// locks are then taken in one order (product id ascending, every batch and statement), so runs never deadlock.
/// </summary>
sealed class Job(AppDb db, Db rawDb, ITextEmbedder embedder, GuardedImageFetcher fetcher, Catalog catalog, ILogger<Job> log) : IJobHandler
{
    public const string Type = "shopper.pipeline";
    public sealed record Payload(long Merchant, string RunId);
    static readonly string PendingSql = Sql.Load<Job>("Pending.sql");
    static readonly string StateSql = Sql.Load<Job>("StepState.sql");
    const int Batch = 256;

    /// <summary>The advisory-lock key of a merchant's pipeline (tests take it to play a lost attempt still holding it).</summary>
    public static string LockKey(long merchant) => $"shopper.pipeline:{merchant}";

    public async Task<object?> RunAsync(JobRun job, CancellationToken ct)
    {
        var p = job.PayloadAs<Payload>();
        await using var lockConn = await rawDb.App.OpenConnectionAsync(ct);
        await using (var take = new Npgsql.NpgsqlCommand("select pg_advisory_lock(hashtextextended($1, 0))", lockConn))
        {
            take.Parameters.Add(new Npgsql.NpgsqlParameter { Value = LockKey(p.Merchant) });
            take.CommandTimeout = 0;   // waits as long as the other run lasts; the job's token (lease) still cancels it
            await take.ExecuteNonQueryAsync(ct);
        }
        try { return await RunLockedAsync(job, p, ct); }
        finally
        {
            await using var release = new Npgsql.NpgsqlCommand("select pg_advisory_unlock(hashtextextended($1, 0))", lockConn);
            release.Parameters.Add(new Npgsql.NpgsqlParameter { Value = LockKey(p.Merchant) });
            try { await release.ExecuteNonQueryAsync(CancellationToken.None); } catch (Exception e) { log.LogDebug(e, "advisory unlock failed; the connection's close releases it"); }
        }
    }

    async Task<object?> RunLockedAsync(JobRun job, Payload p, CancellationToken ct)
    {
        var completed = await State(p, "start", "enrichment_dev", null, ct) ?? [];
        await FlushSearchIndexAsync(ct);   // the ingest's rows: searches scan the index's pending list until it is merged
        var steps = new (string Name, Func<Payload, CancellationToken, Task<int>> Run)[]
        {
            ("enrichment_dev", EnrichAsync), ("create_color_embeddings", ColorsAsync), ("add_color_names", ColorNamesAsync),
            ("create_text_embeddings", TextEmbeddingsAsync), ("create_img_embeddings", ImageEmbeddingsAsync),
        };
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < steps.Length; i++)
        {
            var (name, run) = steps[i];
            if (completed.Contains(name)) continue;
            await State(p, "start", name, null, ct);
            try { counts[name] = await run(p, ct); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await State(p, "fail", name, $"{name} failed: {e.Message}", ct);
                throw;
            }
            await State(p, "done", name, null, ct);
            await job.ReportAsync(i + 1, steps.Length, $"{name} done", ct);
        }
        await Exec("update shopper.products set enriched_at = now() where merchant_id = @Merchant and enriched_at is null", p, ct);
        await FlushSearchIndexAsync(ct);   // and the entries every enrichment step's updates added
        await State(p, "finish", "create_img_embeddings", null, ct);
        await using (var tx = await db.BeginTenantAsync(ct)) { await catalog.BumpAsync(db, p.Merchant, ct); await tx.CommitAsync(ct); }
        return new { run_id = p.RunId, counts };
    }

    /// <summary>Merges the search index's pending list (db/sql/shopper/0004); a failure only costs search speed, so it is logged.</summary>
    async Task FlushSearchIndexAsync(CancellationToken ct)
    {
        try { await db.ExecuteAsync("select shopper.flush_search_index()", ct); }
        catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Merging the search index's pending list failed"); }
    }

    async Task<string[]?> State(Payload p, string ev, string step, string? error, CancellationToken ct)
    {
        await using var tx = await db.BeginTenantAsync(ct);
        var rows = await db.QueryToListAsync<string[]>(StateSql, new { p.Merchant, p.RunId, Event = ev, Step = step, Error = error }, ct);
        await tx.CommitAsync(ct);
        return rows.FirstOrDefault();
    }

    async Task Exec(string sql, Payload p, CancellationToken ct, object? extra = null)
    {
        await using var tx = await db.BeginTenantAsync(ct);
        await db.ExecuteAsync(sql, extra ?? new { p.Merchant }, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Processes the pending rows in id order, one transaction per batch.</summary>
    async Task<int> ForEachBatchAsync(Payload p, Func<List<Pending>, Task> work, CancellationToken ct)
    {
        long after = 0; var total = 0;
        while (true)
        {
            List<Pending> rows;
            await using (var tx = await db.BeginTenantAsync(ct))
            {
                rows = await db.QueryToListAsync<Pending>(PendingSql, new { p.Merchant, AfterId = after, Take = Batch }, ct);
                await tx.CommitAsync(ct);
            }
            if (rows.Count == 0) return total;
            await work(rows);
            total += rows.Count;
            after = rows[^1].Id;
        }
    }

    Task<int> EnrichAsync(Payload p, CancellationToken ct) => ForEachBatchAsync(p, async rows =>
    {
        await using var tx = await db.BeginTenantAsync(ct);
        foreach (var r in rows)
        {
            var details = r.ProductDetails is null ? null : QueryText.StripHtml(r.ProductDetails);
            var category = r.Category ?? Enrichment.InferCategory(r.ProductName, details, r.Tags);
            var gender = r.Gender ?? Enrichment.InferGender(r.ProductName, category, details, r.Tags);
            await db.ExecuteAsync("update shopper.products set product_details = @Details, category = @Category, gender = @Gender where id = @Id and merchant_id = @Merchant",
                new { Details = details, Category = category, Gender = gender, r.Id, p.Merchant }, ct);
        }
        await tx.CommitAsync(ct);
    }, ct);

    Task<int> ColorsAsync(Payload p, CancellationToken ct) => ForEachBatchAsync(p, async rows =>
    {
        var features = new ConcurrentDictionary<long, ImageFeatures>();
        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (r, token) =>
        {
            try { features[r.Id] = ImageAnalysis.Analyze((await fetcher.FetchAsync(r.Image1, token)).Bytes); }
            catch (Exception e) when (e is ImageFetchException or ImageDecodeException) { log.LogDebug("image of product {Id} skipped: {Reason}", r.Id, e.Message); }
        });
        await using var tx = await db.BeginTenantAsync(ct);
        foreach (var r in rows)
        {
            var stated = Colors.Parse(r.Color) ?? (r.Color is null ? Colors.FindInText(r.ProductName) is { } n ? (n.R, n.G, n.B) : null : null);
            var own = stated is { } s ? Colors.ToLab(s.R, s.G, s.B).ToArray() : null;
            var f = features.GetValueOrDefault(r.Id);
            var c = f?.Colors ?? [];
            float[]? Lab(int i) => c.Count > i ? c[i].Lab.ToArray() : i == 0 ? own : null;
            float[]? Hsv(int i) => c.Count > i ? c[i].Hsv : null;
            float? Pct(int i) => c.Count > i ? c[i].Percent : i == 0 && own is not null ? 100 : null;
            await db.ExecuteAsync("""
                update shopper.products set color_embedding = @Own, color_embedding_1 = @C1, color_embedding_2 = @C2, color_embedding_3 = @C3,
                    color_hsv_embedding_1 = @H1, color_hsv_embedding_2 = @H2, color_hsv_embedding_3 = @H3, percent_1 = @P1, percent_2 = @P2, percent_3 = @P3,
                    img_embedding = coalesce(@Img, img_embedding)
                where id = @Id and merchant_id = @Merchant
                """, new { Own = own, C1 = Lab(0), C2 = Lab(1), C3 = Lab(2), H1 = Hsv(0), H2 = Hsv(1), H3 = Hsv(2), P1 = Pct(0), P2 = Pct(1), P3 = Pct(2),
                    Img = f?.Descriptor, r.Id, p.Merchant }, ct);
        }
        await tx.CommitAsync(ct);
    }, ct);

    Task<int> ColorNamesAsync(Payload p, CancellationToken ct) => ForEachBatchAsync(p, async rows =>
    {
        await using var tx = await db.BeginTenantAsync(ct);
        var list = await db.QueryToListAsync<LabRow>("""
            select id as "Id", color_embedding_1 as "C1", color_embedding_2 as "C2", color_embedding_3 as "C3"
            from shopper.products where merchant_id = @Merchant and id = any(@Ids) order by id
            """, new { p.Merchant, Ids = rows.Select(r => r.Id).ToArray() }, ct);
        foreach (var r in list)
        {
            var names = new[] { r.C1, r.C2, r.C3 }.Select(Common.Lab.From).OfType<Lab>().Select(Colors.NearestName).Distinct().ToList();
            await db.ExecuteAsync("update shopper.products set color_names = @Names where id = @Id and merchant_id = @Merchant",
                new { Names = names.Count == 0 ? null : string.Join(' ', names), r.Id, p.Merchant }, ct);
        }
        await tx.CommitAsync(ct);
    }, ct);

    Task<int> TextEmbeddingsAsync(Payload p, CancellationToken ct) => ForEachBatchAsync(p, async rows =>
    {
        var texts = rows.Select(r => Enrichment.EmbeddingText(r.ProductName, r.Category, r.SubCategory, r.Brand, r.Color, r.Tags, r.ProductDetails, r.ColorNames)).ToList();
        var model = embedder.Model;
        var vectors = await embedder.EmbedAsync(texts, ct);
        await using var tx = await db.BeginTenantAsync(ct);
        for (var i = 0; i < rows.Count; i++)
            await db.ExecuteAsync("update shopper.products set text_embedding = @V, text_embedding_model = @Model where id = @Id and merchant_id = @Merchant",
                new { V = vectors[i], Model = model, rows[i].Id, p.Merchant }, ct);
        await tx.CommitAsync(ct);
    }, ct);

    Task<int> ImageEmbeddingsAsync(Payload p, CancellationToken ct) => ForEachBatchAsync(p, async rows =>
    {
        var described = rows.Where(r => !string.IsNullOrWhiteSpace(r.Image1Description)).ToList();
        if (described.Count == 0) return;
        var vectors = await embedder.EmbedAsync(described.Select(r => r.Image1Description!).ToList(), ct);
        await using var tx = await db.BeginTenantAsync(ct);
        for (var i = 0; i < described.Count; i++)
            await db.ExecuteAsync("update shopper.products set image_desc_embed = @V where id = @Id and merchant_id = @Merchant", new { V = vectors[i], described[i].Id, p.Merchant }, ct);
        await tx.CommitAsync(ct);
    }, ct);

    sealed class Pending
    {
        public long Id { get; init; }
        public string ProductName { get; init; } = "";
        public string? ProductDetails { get; init; }
        public string? Category { get; init; }
        public string? SubCategory { get; init; }
        public string? Brand { get; init; }
        public string? Color { get; init; }
        public string? Tags { get; init; }
        public string? Gender { get; init; }
        public string Image1 { get; init; } = "";
        public string? Image1Description { get; init; }
        public string? ColorNames { get; init; }
        public float[]? Color1 { get; init; }
    }

    sealed class LabRow { public long Id { get; init; } public float[]? C1 { get; init; } public float[]? C2 { get; init; } public float[]? C3 { get; init; } }
}
