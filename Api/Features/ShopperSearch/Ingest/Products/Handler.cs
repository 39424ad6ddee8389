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
/// Streams the body row by row: each row is mapped, validated (skipped rows are reported with their line) and written to a
/// temporary staging table with binary COPY; then one statement merges the staging table into the catalog (non-null fields
/// overwrite), <c>replace</c> deletes absent rows, the catalog version is bumped (invalidating cached searches) and the
/// enrichment pipeline is enqueued, all in one transaction. <c>dry_run</c> validates without writing.
/// </summary>
sealed class Handler(AppDb db, TenantContext tenant, Catalog catalog) : IRequestHandler<Request, ErrorOr<Response>>
{
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
        NpgsqlBinaryImporter? copy = null;
        if (!dryRun)
        {
            await db.ExecuteAsync("""
                create temp table ingest_stage (line bigint, product_id text, product_name text, handle text, product_details text, brand text,
                    category text, sub_category text, color text, tags text, price text, price_numeric float8, variant_compare_at_price text,
                    option1_name text, gender text, image1 text, image1_description text, status text, display_flag bool, metadata_json jsonb) on commit drop
                """, new { }, ct);
            var conn = (NpgsqlConnection)db.OpenDbConnection();
            copy = await conn.BeginBinaryImportAsync("copy pg_temp.ingest_stage from stdin (format binary)", ct);
        }
        try
        {
            await foreach (var src in rows)
            {
                received++;
                if (Rows.Validate(src, mapping, out var r) is { } reason)
                {
                    skipped++;
                    if (errors.Count < MaxReportedErrors) errors.Add(new RowError(src.Line, reason));
                    continue;
                }
                if (copy is null) continue;
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(r.Line, NpgsqlDbType.Bigint, ct);
                foreach (var v in new[] { r.ProductId, r.ProductName, r.Handle, r.ProductDetails, r.Brand, r.Category, r.SubCategory, r.Color, r.Tags, r.Price })
                    await Text(copy, v, ct);
                await copy.WriteAsync(r.PriceNumeric, NpgsqlDbType.Double, ct);
                foreach (var v in new[] { r.VariantCompareAtPrice, r.Option1Name, r.Gender, r.Image1, r.Image1Description, r.Status })
                    await Text(copy, v, ct);
                if (r.DisplayFlag is { } flag) await copy.WriteAsync(flag, NpgsqlDbType.Boolean, ct); else await copy.WriteNullAsync(ct);
                if (r.MetadataJson is { } meta) await copy.WriteAsync(meta, NpgsqlDbType.Jsonb, ct); else await copy.WriteNullAsync(ct);
            }
            if (copy is not null) { await copy.CompleteAsync(ct); await copy.DisposeAsync(); copy = null; }
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e)
        {
            return Error.Custom(e.StatusCode, "Ingest.Body", e.StatusCode == 413 ? "Request body too large" : "The request body could not be read");
        }
        finally { if (copy is not null) await copy.DisposeAsync(); }

        if (dryRun)
            return new Response("dry_run", merchant, received, 0, skipped, errors, null);

        written = await db.ExecuteAsync<long>(MergeSql, new { Merchant = merchant }, ct);
        if (mode == "replace") await db.ExecuteAsync(DeleteAbsentSql, new { Merchant = merchant }, ct);
        await catalog.BumpAsync(db, merchant, ct);
        var runId = "pr_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        await db.ExecuteAsync(StartPipelineSql, new { Merchant = merchant, RunId = runId }, ct);
        await JobQueue.EnqueueAsync(db, Pipeline.Run.Job.Type, new Pipeline.Run.Job.Payload(merchant, runId), tenant.Id, maxAttempts: 3, ct: ct);
        await tx.CommitAsync(ct);
        catalog.Invalidate(merchant);
        return new Response("accepted", merchant, received, written, skipped, errors, runId);
    }

    static Task Text(NpgsqlBinaryImporter copy, string? v, CancellationToken ct) =>
        v is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(v, NpgsqlDbType.Text, ct);
}
