using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;

namespace Api.Features.ShopperSearch.Ingest.Products;

/// <summary>One source row: its line number and its fields (JSON values, or strings for CSV).</summary>
sealed record SourceRow(long Line, Dictionary<string, JsonElement>? Json, Dictionary<string, string?>? Text, string? ParseError);

/// <summary>A validated canonical row, ready for the staging COPY.</summary>
sealed class CanonicalRow
{
    public long Line;
    public string ProductId = "", ProductName = "", Price = "", Image1 = "";
    public double PriceNumeric;
    public string? Handle, ProductDetails, Brand, Category, SubCategory, Color, Tags, VariantCompareAtPrice, Option1Name, Gender, Image1Description, Status;
    public bool? DisplayFlag;
    public string? MetadataJson;
}

/// <summary>Reading the three body formats as a stream of rows, the Column Mapper, and the Data Model's validation rules.</summary>
static partial class Rows
{
    public static readonly HashSet<string> Canonical = new(StringComparer.Ordinal)
    {
        "product_id", "product_name", "handle", "product_details", "brand", "category", "sub_category", "color", "tags", "price",
        "price_numeric", "variant_compare_at_price", "option1_name", "gender", "image1", "image1_description", "status", "display_flag", "metadata_json",
    };
    public static readonly HashSet<string> Computed = new(StringComparer.Ordinal)
    {
        "merchant_id", "id", "last_updated", "text_embedding", "text_embedding_1", "img_embedding", "image_desc_embed", "color_embedding",
        "color_embedding_1", "color_embedding_2", "color_embedding_3", "color_hsv_embedding_1", "color_hsv_embedding_2", "color_hsv_embedding_3",
        "percent_1", "percent_2", "percent_3",
    };

    /// <summary>
    /// NDJSON as UTF-8 bytes (a BOM is skipped): lines end at <c>\n</c> (a <c>\r</c> before it is JSON whitespace); blank
    /// lines count but are not rows. Each line is parsed in place from a pooled buffer, without a string copy; the row's
    /// <see cref="JsonElement"/>s stay valid until the consumer asks for the next row, when the line's document is released.
    /// </summary>
    public static async IAsyncEnumerable<SourceRow> NdjsonAsync(Stream body, [EnumeratorCancellation] CancellationToken ct)
    {
        var buf = ArrayPool<byte>.Shared.Rent(1 << 16);
        int start = 0, end = 0;
        long line = 0;
        var eof = false;
        JsonDocument? doc = null;
        try
        {
            while (end < 3 && !eof)
            {
                var n = await body.ReadAsync(buf.AsMemory(end), ct);
                if (n == 0) eof = true; else end += n;
            }
            if (end >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF) start = 3;
            while (true)
            {
                var nl = buf.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (nl < 0 && !eof)
                {
                    if (start > 0) { Buffer.BlockCopy(buf, start, buf, 0, end - start); end -= start; start = 0; }
                    if (end == buf.Length)
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(buf.Length * 2);
                        Buffer.BlockCopy(buf, 0, bigger, 0, end);
                        ArrayPool<byte>.Shared.Return(buf);
                        buf = bigger;
                    }
                    var n = await body.ReadAsync(buf.AsMemory(end), ct);
                    if (n == 0) eof = true; else end += n;
                    continue;
                }
                if (nl < 0 && start == end) break;
                var lineEnd = nl < 0 ? end : start + nl;
                var text = buf.AsMemory(start, lineEnd - start);
                start = nl < 0 ? end : lineEnd + 1;
                line++;
                if (IsBlank(text.Span)) continue;
                var row = ParseObject(line, text, out doc);
                yield return row;
                doc?.Dispose();
                doc = null;
            }
        }
        finally
        {
            doc?.Dispose();
            ArrayPool<byte>.Shared.Return(buf);
        }
    }

    static bool IsBlank(ReadOnlySpan<byte> s)
    {
        foreach (var b in s) if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\f' or (byte)'\v')) return false;
        return true;
    }

    static SourceRow ParseObject(long line, ReadOnlyMemory<byte> text, out JsonDocument? doc)
    {
        doc = null;
        try
        {
            doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return new SourceRow(line, null, null, "each line must be a JSON object");
            var fields = new Dictionary<string, JsonElement>(24, StringComparer.Ordinal);
            foreach (var p in root.EnumerateObject()) fields[p.Name] = p.Value;   // a repeated name: the last one wins
            return new SourceRow(line, fields, null, null);
        }
        catch (JsonException) { return new SourceRow(line, null, null, "invalid JSON"); }
    }

    public static async IAsyncEnumerable<SourceRow> JsonArrayAsync(Stream body, [EnumeratorCancellation] CancellationToken ct)
    {
        long index = 0;
        var items = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(body, cancellationToken: ct);
        await using var e = items.GetAsyncEnumerator(ct);
        while (true)
        {
            SourceRow? row;
            var broken = false;
            try
            {
                if (!await e.MoveNextAsync()) break;
                index++;
                row = e.Current.ValueKind == JsonValueKind.Object
                    ? new SourceRow(index, e.Current.EnumerateObject().GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.Last().Value), null, null)
                    : new SourceRow(index, null, null, "each array item must be a JSON object");
            }
            catch (JsonException) { row = new SourceRow(index + 1, null, null, "invalid JSON: the body must be a JSON array of objects"); broken = true; }
            yield return row;
            if (broken) yield break;
        }
    }

    /// <summary>Largest CSV record (bytes) read into memory: an unclosed quote near the start cannot make the reader hold the whole body.</summary>
    public const int MaxCsvRecordBytes = 8 * 1024 * 1024;

    /// <summary>
    /// RFC 4180 with CsvHelper, streamed: comma-separated, quoted fields with doubled quotes and embedded newlines; UTF-8 with or
    /// without BOM; header row required (names trimmed; a repeated name: the last column wins). Each row carries the line it
    /// starts on (lines inside quoted fields and blank lines count). A record with bad quoting or the wrong number of fields
    /// becomes a row with its error, in input order; a record over <see cref="MaxCsvRecordBytes"/> ends the body with an error.
    /// </summary>
    public static async IAsyncEnumerable<SourceRow> CsvAsync(Stream body, [EnumeratorCancellation] CancellationToken ct)
    {
        var malformed = new Queue<SourceRow>();
        var options = new CsvReaderOptions
        {
            Separator = ',', HasHeader = true, DetectSeparatorHint = false, TrackLineNumbers = true, SkipEmptyLines = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow, MissingField = CsvMissingFieldHandling.ReturnEmpty,
            MalformedData = CsvMalformedDataHandling.Skip, MaxRecordSize = MaxCsvRecordBytes,
            OnMalformedRecord = m => malformed.Enqueue(new SourceRow(m.LineNumber, null, null, m.Reason switch
            {
                CsvMalformedReason.StrayQuote => "stray quote inside an unquoted field",
                CsvMalformedReason.TextAfterClosingQuote => "characters after a closing quote",
                CsvMalformedReason.UnterminatedQuote => "unterminated quoted field",
                _ => "malformed CSV record",
            })),
        };
        await using var csv = CsvReader.Create(body, options, leaveOpen: true);
        (string Name, int Index)[]? columns = null;
        var width = 0;
        while (true)
        {
            bool more;
            string? fatal = null;
            long fatalLine = 0;
            try
            {
                if (columns is null)
                {
                    await csv.ReadHeaderAsync(ct);
                    var names = csv.Headers.Select(h => h.Trim().TrimStart('\uFEFF').Trim()).ToArray();
                    width = names.Length;
                    // a repeated name: the last column wins
                    columns = names.Select((n, i) => (n, i)).GroupBy(c => c.n, StringComparer.Ordinal).Select(g => g.Last()).ToArray();
                }
                more = await csv.ReadAsync(ct);
            }
            catch (CsvFormatException e)
            {
                more = false;
                fatal = e.Message.Contains("record", StringComparison.OrdinalIgnoreCase) && e.Message.Contains("large", StringComparison.OrdinalIgnoreCase)
                    ? $"CSV record longer than {MaxCsvRecordBytes / (1024 * 1024)} MiB; the rest of the body was not read"
                    : "unreadable CSV; the rest of the body was not read";
                fatalLine = e.LineNumber;
            }
            while (malformed.TryDequeue(out var bad)) yield return bad;
            if (fatal is not null) { yield return new SourceRow(fatalLine, null, null, fatal); yield break; }
            if (!more || width == 0) yield break;
            if (csv.FieldCount != width)
            {
                yield return new SourceRow(csv.LineNumber, null, null, $"expected {width} fields, found {csv.FieldCount}");
                continue;
            }
            var text = new Dictionary<string, string?>(columns!.Length, StringComparer.Ordinal);
            foreach (var (name, index) in columns) text[name] = csv.GetString(index);
            yield return new SourceRow(csv.LineNumber, null, text, null);
        }
    }

    /// <summary>Column Mapper: <c>{"mapping": {canonical: "source" | {"source", "transform"}}}</c> (the wrapper is optional).</summary>
    public static Dictionary<string, (string Source, string? Transform)>? ParseMapping(string raw, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(raw)) return null;
        try
        {
            using var doc = JsonDocument.Parse(raw);
            var root = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("mapping", out var m) ? m : doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) { error = "mapping must be a JSON object"; return null; }
            var map = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
            foreach (var p in root.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.String) map[p.Name] = (p.Value.GetString()!, null);
                else if (p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String)
                {
                    var t = p.Value.TryGetProperty("transform", out var tr) && tr.ValueKind == JsonValueKind.String ? tr.GetString() : null;
                    if (t is not (null or "parse_float" or "trim" or "uppercase" or "lowercase" or "strip_html")) { error = $"unknown transform '{t}' for {p.Name}"; return null; }
                    map[p.Name] = (s.GetString()!, t);
                }
                else { error = $"mapping for {p.Name} must be a source name or {{\"source\", \"transform\"}}"; return null; }
            }
            return map;
        }
        catch (JsonException) { error = "mapping is not valid JSON"; return null; }
    }

    /// <summary>Maps, validates and converts one row. Returns the reason when the row must be skipped.</summary>
    public static string? Validate(SourceRow src, Dictionary<string, (string Source, string? Transform)>? mapping, out CanonicalRow row)
    {
        row = new CanonicalRow { Line = src.Line };
        if (src.ParseError is not null) return src.ParseError;
        var isJson = src.Json is not null;
        // the row as canonical-name → value; values are JsonElement (JSON) or string (CSV, transforms)
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        object? Get(string key) => isJson ? (src.Json!.TryGetValue(key, out var v) ? v : null) : src.Text!.GetValueOrDefault(key);
        if (mapping is not null)
            foreach (var (canonical, (source, transform)) in mapping)
            {
                used.Add(source);
                var v = Get(source);
                values[canonical] = transform is null ? v : Transform(v, transform);
            }
        IEnumerable<string> keys = isJson ? src.Json!.Keys : src.Text!.Keys;
        foreach (var k in keys)
        {
            if (used.Contains(k) && !values.ContainsKey(k)) continue;
            if (!values.ContainsKey(k)) values[k] = Get(k);
        }
        foreach (var k in values.Keys)
            if (Computed.Contains(k)) return $"{k} is a computed field and must not be provided";

        string? Str(string k, out string? err)
        {
            err = null;
            switch (values.GetValueOrDefault(k))
            {
                case null: return null;
                case string s: return s.Length == 0 ? null : s;
                case JsonElement { ValueKind: JsonValueKind.Null }: return null;
                case JsonElement { ValueKind: JsonValueKind.String } e: var v = e.GetString(); return string.IsNullOrEmpty(v) ? null : v;
                case JsonElement: err = $"{k} must be a string"; return null;
                case double d: return d.ToString(CultureInfo.InvariantCulture);
                default: return values[k]!.ToString();
            }
        }
        string? error = null;
        string? S(string k) { var v = Str(k, out var e); error ??= e; return v; }
        row.ProductId = S("product_id") ?? ""; row.ProductName = S("product_name") ?? ""; row.Price = S("price") ?? ""; row.Image1 = S("image1") ?? "";
        row.Handle = S("handle"); row.ProductDetails = S("product_details"); row.Brand = S("brand"); row.Category = S("category");
        row.SubCategory = S("sub_category"); row.Color = S("color"); row.Tags = S("tags"); row.VariantCompareAtPrice = S("variant_compare_at_price");
        row.Option1Name = S("option1_name"); row.Gender = S("gender"); row.Image1Description = S("image1_description"); row.Status = S("status");
        if (error is not null) return error;
        foreach (var (k, v) in new[] { ("product_id", row.ProductId), ("product_name", row.ProductName), ("price", row.Price), ("image1", row.Image1) })
            if (string.IsNullOrWhiteSpace(v)) return $"{k} is required";
        if (row.ProductId.Length > 2048) return "product_id must be at most 2048 characters";

        switch (values.GetValueOrDefault("price_numeric"))
        {
            case JsonElement { ValueKind: JsonValueKind.Number } n when n.TryGetDouble(out var d) && d >= 0 && double.IsFinite(d): row.PriceNumeric = d; break;
            case double d when d >= 0 && double.IsFinite(d): row.PriceNumeric = d; break;
            case string s when !isJson && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0 && double.IsFinite(d): row.PriceNumeric = d; break;
            case null or JsonElement { ValueKind: JsonValueKind.Null }: return "price_numeric is required";
            case string { Length: 0 }: return "price_numeric is required";
            default: return "price_numeric must be a non-negative number";
        }
        if (!Uri.TryCreate(row.Image1, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host)) return "image1 must be an HTTPS URL";
        if (row.Status is not null && row.Status is not ("active" or "draft" or "archived")) return "status must be one of active, draft, archived";
        if (row.Gender is not null && row.Gender is not ("mens" or "womens" or "unisex" or "kids")) return "gender must be one of mens, womens, unisex, kids";
        switch (values.GetValueOrDefault("display_flag"))
        {
            case null or JsonElement { ValueKind: JsonValueKind.Null }: break;
            case JsonElement { ValueKind: JsonValueKind.True }: row.DisplayFlag = true; break;
            case JsonElement { ValueKind: JsonValueKind.False }: row.DisplayFlag = false; break;
            case string { Length: 0 }: break;
            case string s when !isJson && bool.TryParse(s.Trim(), out var b): row.DisplayFlag = b; break;
            default: return isJson ? "display_flag must be a JSON boolean" : "display_flag must be true or false";
        }

        var meta = new Dictionary<string, object?>(StringComparer.Ordinal);
        switch (values.GetValueOrDefault("metadata_json"))
        {
            case null or JsonElement { ValueKind: JsonValueKind.Null }: break;
            case JsonElement { ValueKind: JsonValueKind.Object } o: foreach (var p in o.EnumerateObject()) meta[p.Name] = p.Value; break;
            case string { Length: 0 }: break;
            case string s:
                try { using var d = JsonDocument.Parse(s); if (d.RootElement.ValueKind != JsonValueKind.Object) return "metadata_json must be a JSON object"; foreach (var p in d.RootElement.EnumerateObject()) meta[p.Name] = p.Value.Clone(); }
                catch (JsonException) { return "metadata_json must be a JSON object"; }
                break;
            default: return "metadata_json must be a JSON object";
        }
        foreach (var (k, v) in values)
            if (!Canonical.Contains(k) && !used.Contains(k)) meta[k] = v is JsonElement je ? je : v?.ToString();
        row.MetadataJson = meta.Count == 0 ? null : JsonSerializer.Serialize(meta);
        return null;
    }

    static object? Transform(object? value, string transform)
    {
        var s = value switch { null => null, string x => x, JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(), JsonElement { ValueKind: JsonValueKind.Null } => null, JsonElement e => e.GetRawText(), _ => value.ToString() };
        if (string.IsNullOrEmpty(s)) return null;
        return transform switch
        {
            "parse_float" => double.TryParse(NotNumber().Replace(s, ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null,
            "trim" => s.Trim(),
            "uppercase" => s.ToUpperInvariant(),
            "lowercase" => s.ToLowerInvariant(),
            "strip_html" => Tag().Replace(s, ""),
            _ => s,
        };
    }

    [GeneratedRegex(@"[^0-9.\-]")] private static partial Regex NotNumber();
    [GeneratedRegex(@"<[^>]*>")] private static partial Regex Tag();
}
