using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.RegularExpressions;
using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;
using Npgsql;
using NpgsqlTypes;

namespace Api.Features.BrandInsights.Ingest.IngestMenuSnapshots;

/// <summary>
/// Streams the NDJSON body line by line (at most <see cref="MaxLineBytes"/> each), validates every line, binary-COPYs
/// the valid ones into a temporary staging table and merges them into the listing intervals, all in one owner
/// transaction. A crawl id that was already loaded answers "duplicate" with the first load's result and changes nothing.
/// </summary>
sealed partial class Handler(Db db, TimeProvider clock) : IRequestHandler<Request, ErrorOr<Response>>
{
    const int MaxLineBytes = 64 * 1024;
    const int MaxReportedErrors = 100;
    static readonly string StageSql = Sql.Load<Handler>("Stage.sql");
    static readonly string MergeSql = Sql.Load<Handler>("Merge.sql");
    static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    static readonly HashSet<string> PromoTypes = ["percent_off", "dollar_off", "bogo", "bundle", "set_price", "other"];

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var conn = await db.Owner.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var stage = new NpgsqlCommand(StageSql, conn, tx)) await stage.ExecuteNonQueryAsync(ct);

        var state = new ParseState(today);
        await using (var importer = await conn.BeginBinaryImportAsync(
            "copy ingest_stage from stdin (format binary)", ct))
        {
            var reader = req.Body;
            while (true)
            {
                var read = await reader.ReadAsync(ct);
                var buffer = read.Buffer;
                while (TryTakeLine(ref buffer, out var line))
                {
                    await Accept(importer, state, line, ct);
                    if (state.Duplicate is null && state.CrawlId is { } id && !state.CheckedDuplicate)
                    {
                        state.CheckedDuplicate = true;
                        await using var check = await db.Owner.OpenConnectionAsync(ct);   // this connection is busy copying
                        state.Duplicate = await PreviousResultAsync(check, null, id, ct);
                    }
                    if (state.Duplicate is not null) break;
                }
                if (state.Duplicate is not null) { reader.AdvanceTo(buffer.End); break; }
                if (read.IsCompleted)
                {
                    if (!buffer.IsEmpty) await Accept(importer, state, buffer, ct);
                    reader.AdvanceTo(buffer.End);
                    break;
                }
                if (buffer.Length > MaxLineBytes)
                {
                    state.Reject(state.LineNo + 1, "body", $"Line longer than {MaxLineBytes} bytes");
                    return Error.Validation("INVALID_PARAMS", $"Line {state.LineNo + 1} is longer than {MaxLineBytes} bytes",
                        metadata: new() { ["field"] = "body" });
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
            if (state.Duplicate is not null) return state.Duplicate with { Status = "duplicate", ElapsedMs = watch.ElapsedMilliseconds };
            if (state.CrawlId is null)
                return Error.Validation("INVALID_PARAMS", state.LineNo == 0 ? "The body has no lines" : "No line is valid: nothing to load",
                    metadata: new() { ["field"] = "body" });
            await importer.CompleteAsync(ct);
        }

        // a concurrent load of the same crawl waits here for the first to commit, then finds it
        await using (var claim = new NpgsqlCommand(
            "insert into brandinsights.crawls (crawl_id, ingest_key, result) values ($1, $2, '{}') on conflict (crawl_id) do nothing", conn, tx))
        {
            claim.Parameters.Add(new NpgsqlParameter { Value = state.CrawlId });
            claim.Parameters.Add(new NpgsqlParameter { Value = (object?)req.IngestKeyId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
            if (await claim.ExecuteNonQueryAsync(ct) == 0)
            {
                await tx.RollbackAsync(ct);
                var previous = await PreviousResultAsync(conn, null, state.CrawlId, ct);
                return previous! with { Status = "duplicate", ElapsedMs = watch.ElapsedMilliseconds };
            }
        }

        int stores, skipped;
        long opened, closed;
        await using (var merge = new NpgsqlCommand(MergeSql, conn, tx) { CommandTimeout = 0 })
        await using (var r = await merge.ExecuteReaderAsync(ct))
        {
            while (!r.HasRows || r.FieldCount != 4) if (!await r.NextResultAsync(ct)) break;
            await r.ReadAsync(ct);
            (stores, skipped, opened, closed) = (r.GetInt32(0), r.GetInt32(1), r.GetInt64(2), r.GetInt64(3));
        }
        var result = new Response(state.CrawlId, "loaded", state.LineNo, state.Accepted, state.Rejected, state.Errors,
            stores, skipped, opened, closed, watch.ElapsedMilliseconds);
        await using (var save = new NpgsqlCommand("update brandinsights.crawls set result = $2::jsonb where crawl_id = $1", conn, tx))
        {
            save.Parameters.Add(new NpgsqlParameter { Value = state.CrawlId });
            save.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(result, Json) });
            await save.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return result;
    }

    static async Task<Response?> PreviousResultAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string crawlId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("select result::text from brandinsights.crawls where crawl_id = $1", conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = crawlId });
        return await cmd.ExecuteScalarAsync(ct) is string json ? JsonSerializer.Deserialize<Response>(json, Json) : null;
    }

    static bool TryTakeLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        if (buffer.PositionOf((byte)'\n') is not { } end) { line = default; return false; }
        line = buffer.Slice(0, end);
        buffer = buffer.Slice(buffer.GetPosition(1, end));
        return true;
    }

    async Task Accept(NpgsqlBinaryImporter importer, ParseState state, ReadOnlySequence<byte> raw, CancellationToken ct)
    {
        var lineNo = ++state.LineNo;
        if (raw.Length > MaxLineBytes) { state.Reject(lineNo, "body", $"Line longer than {MaxLineBytes} bytes"); return; }
        var bytes = raw.IsSingleSegment ? raw.FirstSpan : raw.ToArray();
        var trimmed = bytes.TrimEnd("\r \t"u8).TrimStart(" \t"u8);
        if (trimmed.IsEmpty) { state.LineNo--; state.Blank++; return; }   // blank lines are not counted

        Line? line;
        try { line = JsonSerializer.Deserialize<Line>(trimmed, Json); }
        catch (JsonException e)
        {
            if (e.Path is { Length: > 2 } path) state.Reject(lineNo, path[2..], "Invalid value");
            else state.Reject(lineNo, "body", "Not a valid JSON object");
            return;
        }
        if (line is null) { state.Reject(lineNo, "body", "Not a JSON object"); return; }
        if (Validate(line, state) is { } error) { state.Reject(lineNo, error.Field, error.Message); return; }

        state.Accepted++;
        await importer.StartRowAsync(ct);
        await importer.WriteAsync(lineNo, NpgsqlDbType.Bigint, ct);
        await importer.WriteAsync(line.ObservedOn!.Value, NpgsqlDbType.Date, ct);
        await importer.WriteAsync(line.StoreSlug!, NpgsqlDbType.Text, ct);
        await importer.WriteAsync(line.StoreName!, NpgsqlDbType.Text, ct);
        await importer.WriteAsync(line.Dispensary ?? line.StoreName!, NpgsqlDbType.Text, ct);
        await importer.WriteAsync(line.City!, NpgsqlDbType.Text, ct);
        await importer.WriteAsync(line.State!, NpgsqlDbType.Text, ct);
        await importer.WriteAsync(line.MenuUrl!, NpgsqlDbType.Text, ct);
        await importer.WriteAsync(line.BrandId!, NpgsqlDbType.Text, ct);
        await importer.WriteAsync(line.BrandName!, NpgsqlDbType.Text, ct);
        await importer.WriteAsync(line.Fingerprint!, NpgsqlDbType.Text, ct);
        await importer.WriteAsync(line.ProductName!, NpgsqlDbType.Text, ct);
        await importer.WriteAsync(line.Variant ?? "", NpgsqlDbType.Text, ct);
        await importer.WriteAsync(line.Weight ?? "", NpgsqlDbType.Text, ct);
        await importer.WriteAsync(line.Category!, NpgsqlDbType.Text, ct);
        await importer.WriteAsync(line.PriceCents!.Value, NpgsqlDbType.Integer, ct);
        await importer.WriteAsync(line.InStock!.Value, NpgsqlDbType.Boolean, ct);
        if (line.PromoType is { } promo) await importer.WriteAsync(promo, NpgsqlDbType.Text, ct); else await importer.WriteNullAsync(ct);
        if (line.DiscountPercent is { } d) await importer.WriteAsync(d, NpgsqlDbType.Numeric, ct); else await importer.WriteNullAsync(ct);
    }

    static (string Field, string Message)? Validate(Line l, ParseState state)
    {
        if (string.IsNullOrWhiteSpace(l.CrawlId) || l.CrawlId.Length > 200) return ("crawl_id", "Required, at most 200 characters");
        if (state.CrawlId is { } crawl && crawl != l.CrawlId) return ("crawl_id", $"Must be the crawl of the first line ({crawl})");
        if (l.ObservedOn is not { } day) return ("observed_on", "Required, YYYY-MM-DD");
        if (day > state.Today.AddDays(1) || day < state.Today.AddYears(-5)) return ("observed_on", "Must be a recent day, not in the future");
        if (l.StoreSlug is null || !Slug().IsMatch(l.StoreSlug)) return ("store_slug", "Required: 1-200 characters of a-z, 0-9 and '-'");
        if (Text(l.StoreName) is { } e1) return ("store_name", e1);
        if (l.Dispensary is not null && Text(l.Dispensary) is { } e2) return ("dispensary", e2);
        if (Text(l.City) is { } e3) return ("city", e3);
        if (l.State is null || !StateCode().IsMatch(l.State)) return ("state", "Required: a two-letter upper-case state code");
        if (l.MenuUrl is null || !Uri.TryCreate(l.MenuUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || l.MenuUrl.Length > 500)
            return ("menu_url", "Required: an http(s) URL");
        if (l.BrandId is null || l.BrandId.Length is 0 or > 100) return ("brand_id", "Required: the cannabrands_id, at most 100 characters");
        if (Text(l.BrandName) is { } e4) return ("brand_name", e4);
        if (l.Fingerprint is null || l.Fingerprint.Length is 0 or > 200) return ("fingerprint", "Required, at most 200 characters");
        if (Text(l.ProductName) is { } e5) return ("product_name", e5);
        if (l.Variant is { Length: > 100 }) return ("variant", "At most 100 characters");
        if (l.Weight is { Length: > 100 }) return ("weight", "At most 100 characters");
        if (Text(l.Category) is { } e6) return ("category", e6);
        if (l.PriceCents is not (>= 0 and <= 10_000_000)) return ("price_cents", "Required: 0-10000000");
        if (l.InStock is null) return ("in_stock", "Required: true or false");
        if (l.PromoType is not null && !PromoTypes.Contains(l.PromoType))
            return ("promo_type", "Must be one of: percent_off, dollar_off, bogo, bundle, set_price, other");
        if (l.DiscountPercent is { } d && (l.PromoType is null || d < 0 || d > 100 || decimal.Round(d, 2) != d))
            return ("discount_percent", "0-100 with at most 2 decimals, only with a promo_type");
        state.CrawlId ??= l.CrawlId;
        return null;
    }

    static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? "Required" : s.Length > 200 ? "At most 200 characters" : null;

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,198}[a-z0-9])?$")] private static partial Regex Slug();
    [GeneratedRegex("^[A-Z]{2}$")] private static partial Regex StateCode();

    sealed class ParseState(DateOnly today)
    {
        public DateOnly Today { get; } = today;
        public string? CrawlId { get; set; }
        public long LineNo { get; set; }
        public long Blank { get; set; }
        public long Accepted { get; set; }
        public long Rejected { get; set; }
        public bool CheckedDuplicate { get; set; }
        public Response? Duplicate { get; set; }
        public List<LineError> Errors { get; } = [];

        public void Reject(long line, string field, string message)
        {
            Rejected++;
            if (Errors.Count < MaxReportedErrors) Errors.Add(new LineError(line, field, message));
        }
    }

    sealed class Line
    {
        public string? CrawlId { get; init; }
        public DateOnly? ObservedOn { get; init; }
        public string? StoreSlug { get; init; }
        public string? StoreName { get; init; }
        public string? Dispensary { get; init; }
        public string? City { get; init; }
        public string? State { get; init; }
        public string? MenuUrl { get; init; }
        public string? BrandId { get; init; }
        public string? BrandName { get; init; }
        public string? Fingerprint { get; init; }
        public string? ProductName { get; init; }
        public string? Variant { get; init; }
        public string? Weight { get; init; }
        public string? Category { get; init; }
        public int? PriceCents { get; init; }
        public bool? InStock { get; init; }
        public string? PromoType { get; init; }
        public decimal? DiscountPercent { get; init; }
    }
}
