using System.Globalization;
using System.Text.Json;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Jobs;
using CsvHelper;
using LinqToDB.Data;
using Npgsql;
using NpgsqlTypes;

namespace Api.Features.Wholesale.SalesImport.Import;

/// <summary>
/// The durable transaction import (platform job <see cref="Type"/>). Streams the stored CSV with CsvHelper, checks each row
/// (errors by line; an order with a bad line is left out whole), binary-COPYs the good rows into
/// <c>wholesale.sales_import_rows</c> and finishes in set-based SQL (Finish.sql): customers matched by phone, then email,
/// else created as imported contacts; products by SKU, then name, else unlinked lines; orders whose number already exists
/// are skipped. Staging, orders, customers and the import's result commit in one transaction, so a crash leaves the batch
/// whole or absent and the retried job starts over. Imported orders never touch stock or send messages.
/// </summary>
sealed class Job(AppDb db, ILogger<Job> log) : IJobHandler
{
    public const string Type = "wholesale.sales.import_transactions";
    public const int MaxAttempts = 3;
    public const int MaxErrorsKept = 1000;
    public static readonly string[] Columns =
        ["order_number", "order_date", "customer_name", "company_name", "phone", "email", "sku", "product_name", "quantity", "unit_price", "do_not_call"];
    static readonly string[] Steps = Sql.Load<Job>("Finish.sql").Split("\n-- step").Select((s, i) => i == 0 ? s : "-- step" + s).ToArray();
    static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "M/d/yyyy", "MM/dd/yyyy", "M/d/yyyy H:mm"];

    public sealed record Payload(long ImportId);

    public static async Task<long> StartAsync(AppDb db, long importId, CancellationToken ct)
    {
        var jobId = await JobQueue.EnqueueAsync(db, Type, new Payload(importId), maxAttempts: MaxAttempts, ct: ct);
        await db.ExecuteAsync("update wholesale.sales_imports set job_id = @JobId where id = @ImportId", ct,
            new DataParameter("JobId", jobId), new DataParameter("ImportId", importId));
        return jobId;
    }

    public async Task<object?> RunAsync(JobRun job, CancellationToken ct)
    {
        var importId = job.PayloadAs<Payload>().ImportId;
        try
        {
            return await ImportAsync(job, importId, ct);
        }
        catch (ImportRefused e)
        {
            await db.ExecuteAsync("update wholesale.sales_imports set failure = @failure, completed_at = now(), total_rows = 0 where id = @importId", ct,
                new DataParameter("failure", e.Message), new DataParameter("importId", importId));
            return new { import_id = importId, status = "failed", error = e.Message };
        }
    }

    async Task<object?> ImportAsync(JobRun job, long importId, CancellationToken ct)
    {
        if (await db.QueryToListAsync<FileRow>(
                "select file_content as \"FileContent\", uploaded_by as \"UploadedBy\", completed_at is not null as \"Done\" from wholesale.sales_imports where id = @importId",
                new { importId }, ct) is not [var file])
            return new { import_id = importId, skipped = "the import no longer exists" };
        if (file.Done || file.FileContent is null) return new { import_id = importId, skipped = "already completed" };

        var total = CountLines(file.FileContent);
        await job.ReportAsync(0, total, "reading the file", ct);
        var errors = new List<object>();
        var errorCount = 0;
        var badOrders = new HashSet<string>();
        var rows = 0;
        // an order's customer is the one named on its first line: those fields go on every line of the order as it streams
        var heads = new Dictionary<string, Head>(StringComparer.Ordinal);

        db.CommandTimeout = 1800;   // a big file's set-based steps may take minutes on a loaded server; the job is the only waiter
        await using var tx = await db.BeginTransactionAsync(ct);
        var conn = (NpgsqlConnection)await db.OpenDbConnectionAsync(ct);
        // the finishing steps sort and hash the whole batch (200,000 lines: ~30 MB): in memory, not in temp files
        await db.ExecuteAsync("set local work_mem = '64MB'", ct);
        await db.ExecuteAsync("delete from wholesale.sales_import_rows where import_id = @importId", ct, new DataParameter("importId", importId));
        await using (var copy = await conn.BeginBinaryImportAsync(
                         "copy wholesale.sales_import_rows (import_id, line_no, order_number, order_date, customer_name, company_name, phone, email, " +
                         "do_not_call, sku, product_name, quantity, unit_price) from stdin (format binary)", ct))
        {
            var options = new CsvReaderOptions
            {
                HasHeader = false, TrackLineNumbers = true, SkipEmptyLines = true, TrimWhitespace = true,
                FieldCountMismatch = CsvFieldCountHandling.Allow, MissingField = CsvMissingFieldHandling.ReturnEmpty,
                MalformedData = CsvMalformedDataHandling.Recover,
            };
            using var csv = CsvReader.Create(file.FileContent, options);
            if (!await csv.ReadAsync(ct)) throw new ImportRefused("The file is empty; it needs the header row of the import template");
            var index = new Dictionary<string, int>();
            for (var i = 0; i < csv.FieldCount; i++)
                index.TryAdd((csv.GetStringOrNull(i) ?? "").Trim().TrimStart('\uFEFF').ToLowerInvariant().Replace(' ', '_'), i);
            var missing = new[] { "order_number", "order_date", "quantity", "unit_price" }.Where(c => !index.ContainsKey(c)).ToList();
            if (!index.ContainsKey("sku") && !index.ContainsKey("product_name")) missing.Add("sku or product_name");
            if (missing.Count > 0) throw new ImportRefused($"The header row lacks: {string.Join(", ", missing)} (see /api/sales/import-template)");

            while (await csv.ReadAsync(ct))
            {
                var line = (int)csv.LineNumber;
                string? Get(string c) => index.TryGetValue(c, out var i) && i < csv.FieldCount && csv.GetStringOrNull(i) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
                var blank = true;
                for (var i = 0; i < csv.FieldCount && blank; i++) blank = string.IsNullOrWhiteSpace(csv.GetStringOrNull(i));
                if (blank) continue;
                rows++;
                var orderNumber = Get("order_number");
                var problem = Check(orderNumber, Get, out var row);
                if (problem is not null)
                {
                    errorCount++;
                    if (errors.Count < MaxErrorsKept) errors.Add(new { line, error = problem });
                    if (orderNumber is not null) badOrders.Add(orderNumber);
                    continue;
                }
                if (!heads.TryGetValue(row.OrderNumber, out var head))
                    heads[row.OrderNumber] = head = new Head(row.CustomerName, row.CompanyName, row.Phone, row.Email, row.DoNotCall);
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(importId, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(line, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(row.OrderNumber, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(row.OrderDate, NpgsqlDbType.TimestampTz, ct);
                await Text(copy, head.CustomerName, ct);
                await Text(copy, head.CompanyName, ct);
                await Text(copy, head.Phone, ct);
                await Text(copy, head.Email, ct);
                await copy.WriteAsync(head.DoNotCall, NpgsqlDbType.Boolean, ct);
                await Text(copy, row.Sku, ct);
                await Text(copy, row.ProductName, ct);
                await copy.WriteAsync(row.Quantity, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(row.UnitPrice, NpgsqlDbType.Numeric, ct);
                if (rows % 20_000 == 0) await job.ReportAsync(rows, Math.Max(total, rows), $"read {rows:N0} rows", ct);
            }
            await copy.CompleteAsync(ct);
        }
        await job.ReportAsync(rows, rows, "creating orders", ct);
        // the staged rows are this transaction's own: statistics on them let the planner hash-join instead of looping (as the
        // table's owner: the app role's own `analyze` was skipped with a warning and the planner kept whatever autovacuum saw)
        await db.ExecuteAsync("select wholesale.analyze_sales_import_rows()", ct);
        var timer = System.Diagnostics.Stopwatch.StartNew();
        var timings = new List<long> { timer.ElapsedMilliseconds };
        var p = new { ImportId = importId, BadOrders = badOrders.ToArray(), file.UploadedBy };
        await db.ExecuteAsync(Steps[0], p, ct);
        var skipped = (await db.QueryToListAsync<int>(Steps[1], p, ct))[0];
        for (var i = 2; i <= 6; i++) { timings.Add(timer.ElapsedMilliseconds); await db.ExecuteAsync(Steps[i], p, ct); }
        timings.Add(timer.ElapsedMilliseconds);
        var result = (await db.QueryToListAsync<Result>(Steps[7], p, ct))[0];
        timings.Add(timer.ElapsedMilliseconds);
        log.LogInformation("Sales import {ImportId}: finishing steps done at {Timings} ms", importId, string.Join(", ", timings));
        await db.ExecuteAsync(Steps[8], new
        {
            ImportId = importId, TotalRows = rows, result.OrdersCreated, result.CustomersCreated, result.ItemsCreated, result.UnlinkedItems,
            SkippedOrders = skipped, ErrorCount = errorCount, Errors = JsonSerializer.Serialize(errors),
        }, ct);
        await db.ExecuteAsync(Steps[9], p, ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Sales import {ImportId}: {Rows} rows, {Orders} orders, {Customers} customers created, {Skipped} skipped, {Errors} errors",
            importId, rows, result.OrdersCreated, result.CustomersCreated, skipped, errorCount);
        return new
        {
            import_id = importId, total_rows = rows, orders_created = result.OrdersCreated, customers_created = result.CustomersCreated,
            skipped, error_count = errorCount,
        };
    }

    static string? Check(string? orderNumber, Func<string, string?> get, out Row row)
    {
        row = default!;
        if (orderNumber is null) return "order_number is required";
        if (orderNumber.Length > 64) return "order_number is longer than 64 characters";
        if (get("order_date") is not { } d) return "order_date is required";
        if (!DateTime.TryParseExact(d, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            && !DateTime.TryParse(d, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date))
            return $"order_date '{d}' is not a date (use YYYY-MM-DD)";
        if (date.Year < 1990 || date > DateTime.UtcNow.AddDays(2)) return $"order_date '{d}' is out of range";
        if (!int.TryParse(get("quantity"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var qty) || qty is <= 0 or > 1_000_000)
            return "quantity must be a whole number from 1 to 1,000,000";
        var priceText = get("unit_price")?.TrimStart('$').Replace(",", "");
        if (!decimal.TryParse(priceText, NumberStyles.Number, CultureInfo.InvariantCulture, out var price) || price is < 0 or >= 10_000_000m)
            return "unit_price must be a number from 0 to 9,999,999.99";
        var sku = get("sku");
        var name = get("product_name");
        if (sku is null && name is null) return "sku or product_name is required";
        string? phone = null;
        if (get("phone") is { } p && (phone = Phones.ToE164(p)) is null) return $"phone '{p}' is not a valid phone number";
        var email = get("email");
        if (email is not null && (email.Length > 254 || !email.Contains('@') || email.Contains(' '))) return $"email '{email}' is not a valid email address";
        var dnc = get("do_not_call")?.ToLowerInvariant() is "1" or "true" or "yes" or "y" or "x";
        if (Math.Round(price, 2) * qty >= 10_000_000_000m) return "the line total is too large";
        row = new Row(orderNumber, new DateTimeOffset(date, TimeSpan.Zero), Cut(get("customer_name"), 200), Cut(get("company_name"), 200), phone, email,
            dnc, Cut(sku, 100), Cut(name, 300), qty, Math.Round(price, 2));
        return null;
    }

    static string? Cut(string? s, int max) => s is null || s.Length <= max ? s : s[..max];

    static async Task Text(NpgsqlBinaryImporter copy, string? value, CancellationToken ct)
    {
        if (value is null) await copy.WriteNullAsync(ct);
        else await copy.WriteAsync(value, NpgsqlDbType.Text, ct);
    }

    static long CountLines(byte[] bytes)
    {
        long n = bytes.AsSpan().Count((byte)'\n');
        if (bytes.Length > 0 && bytes[^1] != '\n') n++;
        return Math.Max(0, n - 1);
    }

    sealed record Row(string OrderNumber, DateTimeOffset OrderDate, string? CustomerName, string? CompanyName, string? Phone, string? Email,
        bool DoNotCall, string? Sku, string? ProductName, int Quantity, decimal UnitPrice);

    sealed record Head(string? CustomerName, string? CompanyName, string? Phone, string? Email, bool DoNotCall);

    sealed class FileRow
    {
        public byte[]? FileContent { get; init; }
        public long UploadedBy { get; init; }
        public bool Done { get; init; }
    }

    sealed class Result
    {
        public int OrdersCreated { get; init; }
        public int CustomersCreated { get; init; }
        public int ItemsCreated { get; init; }
        public int UnlinkedItems { get; init; }
    }
}

/// <summary>A file the import cannot read at all (no header, missing columns): recorded as the import's error, never retried.</summary>
sealed class ImportRefused(string message) : Exception(message);
