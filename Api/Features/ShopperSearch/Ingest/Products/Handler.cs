using System.Security.Cryptography;
using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Jobs;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Npgsql;
using NpgsqlTypes;

namespace Api.Features.ShopperSearch.Ingest.Products;

/// <summary>
/// Streams the body row by row: each row is mapped, validated (skipped rows are reported with their line) and written with
/// binary COPY to a temporary staging table; in upsert mode the rows are spread by product_id over
/// <c>ShopperSearch:Ingest:Connections</c> (default 2) connections, each with its own stage and transaction, so the merges
/// run in parallel. Each stage is merged into the catalog by one statement (non-null fields overwrite), <c>replace</c> (one
/// stage) deletes absent rows, the catalog version is bumped (invalidating cached searches) and the enrichment pipeline is
/// enqueued; the extra transactions commit just before the request's own. <c>dry_run</c> validates without writing.
/// </summary>
sealed class Handler(AppDb db, Db rawDb, TenantContext tenant, Catalog catalog, IConfiguration config,
    Api.Infrastructure.Integrations.Outbound.OutboundGuard outbound) : IRequestHandler<Request, ErrorOr<Response>>
{
    /// <summary>image1 is fetched by the pipeline and proxy-image: refuse at ingest what the fetch would refuse (no DNS per row).</summary>
    string? ImageRefusal(string image) => outbound.CheckUrlSyntax(image, out _) is { } why ? $"image1 {why}" : null;

    static readonly string MergeSql = Sql.Load<Handler>("Merge.sql");
    static readonly string DeleteAbsentSql = Sql.Load<Handler>("DeleteAbsent.sql");
    static readonly string StartPipelineSql = Sql.Load<Handler>("StartPipeline.sql");
    const int MaxReportedErrors = 1000;

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (!req.HasApiKey) return Error.Unauthorized("Ingest.ApiKeyRequired", "Push ingest requires an API key: Authorization: Bearer sk_test_… or sk_live_…");
        var mode = string.IsNullOrEmpty(req.Mode) ? "upsert" : req.Mode.Trim().ToLowerInvariant();
        if (mode is not ("upsert" or "replace"))
            return Error.Validation("mode", "value is not a valid enumeration member; permitted: 'upsert', 'replace'", new() { ["field"] = "mode", ["location"] = "query", ["type"] = "type_error.enum" });
        bool dryRun = false;
        if (!string.IsNullOrEmpty(req.DryRun) && !bool.TryParse(req.DryRun, out dryRun))
            return Error.Validation("dry_run", "value could not be parsed to a boolean", new() { ["field"] = "dry_run", ["location"] = "query", ["type"] = "type_error.bool" });
        var mapping = Rows.ParseMapping(req.Mapping, out var mapError);
        if (mapError is not null) return Error.Validation("mapping", mapError, new() { ["field"] = "mapping", ["location"] = "query", ["type"] = "value_error" });
        var type = req.ContentType.Split(';')[0].Trim().ToLowerInvariant();
        var rows = type switch
        {
            "application/x-ndjson" or "application/ndjson" or "application/jsonl" or "application/x-jsonlines" => Rows.NdjsonAsync(req.Body, ct),
            "application/json" => Rows.JsonArrayAsync(req.Body, ct),
            "text/csv" or "application/csv" => Rows.CsvAsync(req.Body, ct),
            _ => null,
        };
        if (rows is null) return Error.Custom(415, "Ingest.UnsupportedMediaType", "Content-Type must be application/x-ndjson, application/json or text/csv");

        var merchant = ShopperSearchAuth.MerchantOf(tenant);
        long received = 0, skipped = 0, written = 0;
        var errors = new List<RowError>();
        await using var tx = await db.BeginTenantAsync(ct);
        // upsert spreads the rows over several connections by product_id (a repeated id always lands on the same one), so
        // PostgreSQL computes search vectors and index entries on more than one core; replace needs every id in one stage table
        var stages = new List<Stage>();
        try
        {
            if (!dryRun)
            {
                stages.Add(await Stage.StartAsync((NpgsqlConnection)db.OpenDbConnection(), null, merchant, ct));
                var extra = mode == "upsert" ? Math.Clamp(config.GetValue("ShopperSearch:Ingest:Connections", 2), 1, 8) - 1 : 0;
                for (var k = 0; k < extra; k++)
                    stages.Add(await Stage.StartAsync(await rawDb.App.OpenConnectionAsync(ct), merchant, merchant, ct));
            }
            try
            {
                await foreach (var src in rows)
                {
                    received++;
                    if ((Rows.Validate(src, mapping, out var r) ?? ImageRefusal(r.Image1)) is { } reason)
                    {
                        skipped++;
                        if (errors.Count < MaxReportedErrors) errors.Add(new RowError(src.Line, reason));
                        continue;
                    }
                    if (stages.Count == 0) continue;
                    var stage = stages.Count == 1 ? stages[0] : stages[(int)((uint)StringComparer.Ordinal.GetHashCode(r.ProductId) % (uint)stages.Count)];
                    await stage.WriteAsync(r, ct);
                }
            }
            catch (Microsoft.AspNetCore.Http.BadHttpRequestException e)
            {
                return Error.Custom(e.StatusCode, "Ingest.Body", e.StatusCode == 413 ? "Request body too large" : "The request body could not be read");
            }

            if (dryRun)
                return new Response("dry_run", merchant, received, 0, skipped, errors, null);

            foreach (var st in stages) await st.CompleteCopyAsync(ct);
            var counts = await Task.WhenAll(stages.Select(st => st.MergeAsync(MergeSql, ct)));
            written = counts.Sum();
            if (mode == "replace") await db.ExecuteAsync(DeleteAbsentSql, new { Merchant = merchant }, ct);
            await catalog.BumpAsync(db, merchant, ct);
            var runId = "pr_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
            await db.ExecuteAsync(StartPipelineSql, new { Merchant = merchant, RunId = runId }, ct);
            await JobQueue.EnqueueAsync(db, Pipeline.Run.Job.Type, new Pipeline.Run.Job.Payload(merchant, runId), tenant.Id, maxAttempts: 3, ct: ct);
            // the other connections commit first (their work is done, a failure there leaves nothing behind), then this one
            foreach (var st in stages.Skip(1)) await st.CommitAsync(ct);
            await tx.CommitAsync(ct);
            catalog.Invalidate(merchant);
            return new Response("accepted", merchant, received, written, skipped, errors, runId);
        }
        finally
        {
            foreach (var st in stages) await st.DisposeAsync();
        }
    }

    /// <summary>
    /// One connection's share of an ingest: a temporary staging table filled by binary COPY, then merged into the catalog.
    /// The first stage runs on the request's connection and transaction; the others own a connection and a transaction with
    /// the merchant's row-level-security setting.
    /// </summary>
    sealed class Stage : IAsyncDisposable
    {
        NpgsqlConnection _conn = null!;
        NpgsqlTransaction? _tx;
        NpgsqlBinaryImporter? _copy;
        long _merchant;

        public static async Task<Stage> StartAsync(NpgsqlConnection conn, long? ownTenant, long merchant, CancellationToken ct)
        {
            var s = new Stage { _conn = conn, _merchant = merchant };
            if (ownTenant is { } t)
            {
                s._tx = await conn.BeginTransactionAsync(ct);
                await s.ExecAsync("select set_config('app.tenant_id', $1, true)", ct, t.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            await s.ExecAsync("""
                create temp table if not exists ingest_stage (line bigint, product_id text, product_name text, handle text, product_details text, brand text,
                    category text, sub_category text, color text, tags text, price text, price_numeric float8, variant_compare_at_price text,
                    option1_name text, gender text, image1 text, image1_description text, status text, display_flag bool, metadata_json jsonb) on commit drop
                """, ct);
            s._copy = await conn.BeginBinaryImportAsync("copy pg_temp.ingest_stage from stdin (format binary)", ct);
            return s;
        }

        public async ValueTask WriteAsync(CanonicalRow r, CancellationToken ct)
        {
            var copy = _copy!;
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.Line, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(r.ProductId, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.ProductName, NpgsqlDbType.Text, ct);
            await Text(copy, r.Handle, ct);
            await Text(copy, r.ProductDetails, ct);
            await Text(copy, r.Brand, ct);
            await Text(copy, r.Category, ct);
            await Text(copy, r.SubCategory, ct);
            await Text(copy, r.Color, ct);
            await Text(copy, r.Tags, ct);
            await copy.WriteAsync(r.Price, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.PriceNumeric, NpgsqlDbType.Double, ct);
            await Text(copy, r.VariantCompareAtPrice, ct);
            await Text(copy, r.Option1Name, ct);
            await Text(copy, r.Gender, ct);
            await copy.WriteAsync(r.Image1, NpgsqlDbType.Text, ct);
            await Text(copy, r.Image1Description, ct);
            await Text(copy, r.Status, ct);
            if (r.DisplayFlag is { } flag) await copy.WriteAsync(flag, NpgsqlDbType.Boolean, ct); else await copy.WriteNullAsync(ct);
            if (r.MetadataJson is { } meta) await copy.WriteAsync(meta, NpgsqlDbType.Jsonb, ct); else await copy.WriteNullAsync(ct);
        }

        public async Task CompleteCopyAsync(CancellationToken ct)
        {
            if (_copy is null) return;
            await _copy.CompleteAsync(ct);
            await _copy.DisposeAsync();
            _copy = null;
        }

        /// <summary>Merges the staged rows; a deadlock with a concurrent enrichment run (40P01) rolls back to a savepoint and retries.</summary>
        public async Task<long> MergeAsync(string sql, CancellationToken ct)
        {
            for (var attempt = 1; ; attempt++)
            {
                await ExecAsync("savepoint ingest_merge", ct);
                try
                {
                    await using var cmd = new NpgsqlCommand(sql, _conn) { CommandTimeout = 0 };
                    cmd.Parameters.AddWithValue("Merchant", _merchant);
                    var n = (long)(await cmd.ExecuteScalarAsync(ct))!;
                    await ExecAsync("release savepoint ingest_merge", ct);
                    return n;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 3)
                {
                    await ExecAsync("rollback to savepoint ingest_merge", ct);
                }
            }
        }

        public Task CommitAsync(CancellationToken ct) => _tx?.CommitAsync(ct) ?? Task.CompletedTask;

        async Task ExecAsync(string sql, CancellationToken ct, params object[] args)
        {
            await using var cmd = new NpgsqlCommand(sql, _conn);
            foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
            await cmd.ExecuteNonQueryAsync(ct);
        }

        public async ValueTask DisposeAsync()
        {
            if (_copy is not null) { try { await _copy.DisposeAsync(); } catch (Exception) { /* the connection is going away */ } }
            if (_tx is not null)
            {
                await _tx.DisposeAsync();   // rolls back unless committed
                await _conn.DisposeAsync();
            }
        }
    }

    static Task Text(NpgsqlBinaryImporter copy, string? v, CancellationToken ct) =>
        v is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(v, NpgsqlDbType.Text, ct);
}
