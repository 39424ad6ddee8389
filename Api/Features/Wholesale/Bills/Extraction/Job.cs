using System.Text;
using System.Text.Json;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.OpenAi;
using Api.Infrastructure.Jobs;
using LinqToDB.Data;
using UglyToad.PdfPig;

namespace Api.Features.Wholesale.Bills.Extraction;

/// <summary>
/// The durable extraction of one bill (platform job <see cref="Type"/>): reads the file (PDF text layer with PdfPig, CSV and
/// text directly, images through the OpenAI-compatible vision model when one is configured), matches each line to our
/// catalog (SKU, then name similarity, with units and pack sizes normalised) and stores lines, our_* prices, savings and
/// totals. Content it cannot read ends the bill 'failed' with the reason; anything else fails the attempt and the job
/// retries, and a job that dies shows its bill failed (wholesale.bill_states), so no bill stays 'processing'.
/// </summary>
sealed class Job(AppDb db, OpenAiClient ai, ILogger<Job> log) : IJobHandler
{
    public const string Type = "wholesale.bills.extract";
    public const int MaxAttempts = 3;
    static readonly string ClaimSql = Sql.Load<Job>("ClaimBill.sql");
    static readonly string MatchSql = Sql.Load<Job>("MatchLines.sql");
    static readonly string SaveSql = Sql.Load<Job>("SaveResult.sql");
    static readonly string FailSql = Sql.Load<Job>("FailBill.sql");
    static readonly string StartSql = Sql.Load<Job>("StartExtraction.sql");
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public sealed record Payload(long BillId);

    /// <summary>
    /// Enqueues an extraction for the bill on the caller's transaction and returns the job's id (pollable at
    /// /platform/v1/jobs/{id} too); null: the bill does not exist or was deleted.
    /// </summary>
    public static async Task<long?> StartAsync(AppDb db, long billId, CancellationToken ct)
    {
        var jobId = await JobQueue.EnqueueAsync(db, Type, new Payload(billId), maxAttempts: MaxAttempts, ct: ct);
        return (await db.QueryToListAsync<long>(StartSql, new { JobId = jobId, BillId = billId }, ct)).Count == 1 ? jobId : null;
    }

    public async Task<object?> RunAsync(JobRun job, CancellationToken ct)
    {
        var billId = job.PayloadAs<Payload>().BillId;
        if (await db.QueryToListAsync<FileRow>(ClaimSql, new { BillId = billId, JobId = job.Id }, ct) is not [var file])
            return new { bill_id = billId, skipped = "the bill was deleted or is being reprocessed" };
        await job.ReportAsync(1, 3, "reading the bill", ct);

        ParsedBill parsed;
        try
        {
            parsed = await ReadAsync(file, ct);
            if (parsed.Lines.Count == 0)
                throw new ExtractionFailed("No line items were found in the bill (each needs a description, a quantity, a unit price and a line total)");
        }
        catch (Exception e) when (e is ExtractionFailed || e is OpenAiException { Transient: false })
        {
            var reason = e is OpenAiException ? $"The vision model could not read the image: {e.Message}" : e.Message;
            await db.QueryToListAsync<int>(FailSql, new { BillId = billId, JobId = job.Id, Error = reason }, ct);
            log.LogInformation("Bill {BillId} extraction failed: {Reason}", billId, reason);
            return new { bill_id = billId, status = "failed", error = reason };
        }

        await job.ReportAsync(2, 3, $"matching {parsed.Lines.Count} lines to the catalog", ct);
        var items = await MatchAsync(parsed.Lines, ct);
        var carried = items.Count(i => i.ProductId is not null);
        var savings = items.Sum(i => i.Savings is > 0 ? i.Savings.Value : 0m);
        var header = new
        {
            supplier_name = parsed.SupplierName, bill_date = parsed.BillDate?.ToString("yyyy-MM-dd"), bill_number = parsed.BillNumber,
            bill_total = parsed.BillTotal is { } t && Math.Abs(t) < 10_000_000_000m ? t : (decimal?)null,
            total_items = items.Count, items_we_carry = carried, potential_savings = savings,
        };
        await using (var tx = await db.BeginTransactionAsync(ct))
        {
            var saved = await db.QueryToListAsync<int>(SaveSql, new
            {
                BillId = billId, JobId = job.Id,
                Bill = JsonSerializer.Serialize(header, Json), Items = JsonSerializer.Serialize(items, Json),
            }, ct);
            await tx.CommitAsync(ct);
            if (saved is not [1]) return new { bill_id = billId, skipped = "the bill was deleted or is being reprocessed" };
        }
        await job.ReportAsync(3, 3, "done", ct);
        return new { bill_id = billId, status = "completed", total_items = items.Count, items_we_carry = carried, potential_savings = savings };
    }

    async Task<ParsedBill> ReadAsync(FileRow file, CancellationToken ct)
    {
        var kind = file.FileType ?? BillFiles.KindOf(file.FileContent, file.FileName, null) ?? "unknown";
        switch (kind)
        {
            case "pdf":
                return BillParser.FromText(PdfText(file.FileContent));
            case "csv":
                return BillParser.FromCsv(Text(file.FileContent));
            case "txt":
                return BillParser.FromText(Text(file.FileContent));
            case var image when BillFiles.IsImage(image):
                if (!ai.VisionConfigured)
                    throw new ExtractionFailed("Image bills need a vision model and none is configured (Integrations:OpenAi:BaseUrl and " +
                                               "Integrations:OpenAi:VisionModel); upload the bill as a PDF, CSV or text file instead");
                return BillParser.FromJson(await ai.VisionJsonAsync(BillParser.VisionInstructions, file.FileContent, BillFiles.MediaType(image), ct));
            default:
                throw new ExtractionFailed($"Unsupported file type '{kind}'; upload {BillFiles.Accepted}");
        }
    }

    static string Text(byte[] bytes) => new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF');

    /// <summary>The PDF's text layer as lines: words grouped by baseline, left to right, top to bottom.</summary>
    static string PdfText(byte[] bytes)
    {
        var text = new StringBuilder();
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            foreach (var page in pdf.GetPages())
            {
                var words = page.GetWords().OrderByDescending(w => Math.Round(w.BoundingBox.Bottom)).ThenBy(w => w.BoundingBox.Left).ToList();
                double? baseline = null;
                var line = new List<string>();
                foreach (var w in words)
                {
                    if (baseline is { } b && Math.Abs(b - w.BoundingBox.Bottom) > 3)
                    {
                        text.AppendLine(string.Join(' ', line));
                        line.Clear();
                    }
                    if (line.Count == 0) baseline = w.BoundingBox.Bottom;
                    line.Add(w.Text);
                }
                if (line.Count > 0) text.AppendLine(string.Join(' ', line));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ExtractionFailed($"The PDF could not be read ({e.GetType().Name}); it may be damaged or password-protected");
        }
        if (text.ToString().All(char.IsWhiteSpace))
            throw new ExtractionFailed("The PDF has no text layer (a scan?); upload the pages as images with a vision model configured, or a CSV");
        return text.ToString();
    }

    async Task<List<Item>> MatchAsync(IReadOnlyList<ParsedLine> lines, CancellationToken ct)
    {
        var input = lines.Select((l, i) => new { line_no = i + 1, sku = l.Sku, q = PackSizes.NormaliseForMatch(l.Description) });
        Dictionary<int, MatchRow> matches;
        await using (var tx = await db.BeginTransactionAsync(ct))
        {
            // candidates through the trigram index: search_text also holds SKU and brand, so its threshold is looser than the ranking's
            await db.ExecuteAsync("set local pg_trgm.similarity_threshold = 0.2", ct);
            matches = (await db.QueryToListAsync<MatchRow>(MatchSql, new { Lines = JsonSerializer.Serialize(input, Json) }, ct)).ToDictionary(m => m.LineNo);
            await tx.CommitAsync(ct);
        }
        var items = new List<Item>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var item = new Item { LineNo = i + 1, Description = l.Description, Sku = l.Sku, Quantity = l.Quantity, Unit = l.Unit, UnitPrice = l.UnitPrice, LineTotal = l.LineTotal };
            if (matches.TryGetValue(i + 1, out var m) && m.ProductId is { } pid && m.UnitPrice is { } ourPrice)
            {
                var factor = PackSizes.Factor(PackSizes.OfLine(l.Description, l.Unit), PackSizes.Of($"{m.UnitSize} {m.Name}"));
                var theirs = l.LineTotal ?? (l.UnitPrice is { } up ? Money.Round(up * (l.Quantity ?? 1m)) : null);
                var ours = ourPrice * factor * (l.Quantity ?? 1m);
                item = item with
                {
                    ProductId = pid, OurSku = m.Sku, OurName = m.Name, OurPrice = ourPrice, OurUnit = m.UnitSize,
                    Score = MathF.Round(m.Score ?? 0f, 3),
                    OurLineTotal = Math.Abs(ours) < 1_000_000_000m ? Money.Round(ours) : null,
                };
                if (theirs is { } t && item.OurLineTotal is { } o) item = item with { Savings = Money.Round(t - o) };
            }
            items.Add(item);
        }
        return items;
    }

    sealed class FileRow
    {
        public byte[] FileContent { get; init; } = [];
        public string? FileType { get; init; }
        public string? FileName { get; init; }
    }

    sealed class MatchRow
    {
        public int LineNo { get; init; }
        public long? ProductId { get; init; }
        public string? Sku { get; init; }
        public string? Name { get; init; }
        public decimal? UnitPrice { get; init; }
        public string? UnitSize { get; init; }
        public float? Score { get; init; }
    }

    /// <summary>A line as stored (SaveResult.sql reads these snake_case names).</summary>
    sealed record Item
    {
        public int LineNo { get; init; }
        public string Description { get; init; } = "";
        public string? Sku { get; init; }
        public decimal? Quantity { get; init; }
        public string? Unit { get; init; }
        public decimal? UnitPrice { get; init; }
        public decimal? LineTotal { get; init; }
        public long? ProductId { get; init; }
        public string? OurSku { get; init; }
        public string? OurName { get; init; }
        public decimal? OurPrice { get; init; }
        public string? OurUnit { get; init; }
        public decimal? OurLineTotal { get; init; }
        public decimal? Savings { get; init; }
        public float? Score { get; init; }
    }
}
