using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Api.Features.Wholesale.Bills.Extraction;

/// <summary>
/// Reads a supplier bill from text (PDF text layer or a text file), CSV, or a vision model's JSON into a <see cref="ParsedBill"/>.
/// Text lines are items when they end "quantity [unit] unit_price line_total", optionally starting with a SKU; header fields are
/// found by their labels (supplier/vendor, invoice/bill number, date, total).
/// </summary>
static partial class BillParser
{
    const RegexOptions I = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public static ParsedBill FromText(string text)
    {
        var lines = text.Replace("\r", "").Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0).ToList();
        var items = new List<ParsedLine>();
        var firstItem = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (ItemLine(lines[i]) is not { } item) continue;
            if (firstItem < 0) firstItem = i;
            items.Add(item);
        }
        string? supplier = null;
        foreach (var l in lines) if (SupplierLabel().Match(l) is { Success: true } m) { supplier = Clean(m.Groups["v"].Value); break; }
        supplier ??= lines.Take(firstItem < 0 ? 3 : Math.Min(firstItem, 3))
            .FirstOrDefault(l => l.Any(char.IsLetter) && !HeaderWords().IsMatch(l));
        var number = lines.Select(l => NumberLabel().Match(l)).FirstOrDefault(m => m.Success && m.Groups["v"].Value.Any(char.IsDigit))?.Groups["v"].Value;
        var date = lines.Select(l => DateLabel().Match(l)).Where(m => m.Success).Select(m => ParseDate(m.Groups["v"].Value)).FirstOrDefault(d => d is not null)
                   ?? lines.Select(l => AnyDate().Match(l)).Where(m => m.Success).Select(m => ParseDate(m.Value)).FirstOrDefault(d => d is not null);
        decimal? total = null;
        var strong = false;
        foreach (var l in lines)
        {
            if (TotalLine().Match(l) is not { Success: true } m || Number(m.Groups["v"].Value) is not { } v) continue;
            var isStrong = !m.Groups["k"].Value.Equals("total", StringComparison.OrdinalIgnoreCase);
            if (isStrong || !strong) { total = v; strong |= isStrong; }
        }
        return new ParsedBill(Trim(supplier, 200), date, Trim(number, 60), total, items);
    }

    static ParsedLine? ItemLine(string line)
    {
        if (ItemRow().Match(line) is not { Success: true } m) return null;
        var desc = m.Groups["desc"].Value.Trim(' ', '-', '|');
        if (desc.Length < 2 || NotAnItem().IsMatch(desc)) return null;
        var sku = m.Groups["sku"].Success ? m.Groups["sku"].Value : null;
        return Line(desc, sku, Number(m.Groups["qty"].Value), m.Groups["unit"].Success ? m.Groups["unit"].Value : null,
            Number(m.Groups["price"].Value), Number(m.Groups["total"].Value));
    }

    public static ParsedBill FromCsv(string text)
    {
        var rows = Csv(text);
        var header = rows.FindIndex(r => Columns(r) is { } c && c.ContainsKey("description") && (c.ContainsKey("unit_price") || c.ContainsKey("line_total")));
        if (header < 0) return FromText(string.Join('\n', rows.Select(r => string.Join(' ', r))));
        var meta = rows.Take(header).Where(r => r.Count(c => c.Length > 0) >= 2).Select(r => (Key: Norm(r[0]), Value: r.Skip(1).First(c => c.Length > 0))).ToList();
        string? Meta(params string[] keys) => meta.FirstOrDefault(kv => keys.Any(k => kv.Key.StartsWith(k, StringComparison.Ordinal))).Value;
        var cols = Columns(rows[header])!;
        string? Cell(List<string> row, string key) => cols.TryGetValue(key, out var i) && i < row.Count && row[i].Length > 0 ? row[i] : null;

        var items = new List<ParsedLine>();
        decimal? total = Number(Meta("total", "invoicetotal", "amountdue", "grandtotal", "balancedue"));
        foreach (var row in rows.Skip(header + 1))
        {
            var desc = Cell(row, "description");
            if (desc is null) continue;
            if (NotAnItem().IsMatch(desc))
            {
                if (TotalWord().IsMatch(desc) && !desc.StartsWith("sub", StringComparison.OrdinalIgnoreCase))
                    total = Number(Cell(row, "line_total") ?? row.LastOrDefault(c => c.Length > 0)) ?? total;
                continue;
            }
            if (Line(desc, Cell(row, "sku"), Number(Cell(row, "quantity")), Cell(row, "unit"), Number(Cell(row, "unit_price")), Number(Cell(row, "line_total"))) is { } line)
                items.Add(line);
        }
        return new ParsedBill(Trim(Meta("supplier", "vendor", "distributor", "from", "soldby"), 200),
            ParseDate(Meta("invoicedate", "billdate", "date")), Trim(Meta("invoicenumber", "invoiceno", "invoice#", "invoice", "billnumber", "billno", "bill#", "number"), 60),
            total, items);
    }

    /// <summary>The vision model's answer: <c>{supplier_name, bill_date, bill_number, bill_total, line_items[]}</c>, read leniently.</summary>
    public static ParsedBill FromJson(string json)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(StripFence(json)); }
        catch (JsonException) { throw new ExtractionFailed("The vision model did not answer with JSON"); }
        if (root is not JsonObject o) throw new ExtractionFailed("The vision model did not answer with a JSON object");
        var items = new List<ParsedLine>();
        if (o["line_items"] is JsonArray arr)
            foreach (var n in arr.OfType<JsonObject>())
                if (Str(n["description"]) is { } desc && Line(desc, Str(n["sku"]), Num(n["quantity"]), Str(n["unit"]), Num(n["unit_price"]), Num(n["line_total"])) is { } line)
                    items.Add(line);
        return new ParsedBill(Trim(Str(o["supplier_name"]), 200), ParseDate(Str(o["bill_date"])), Trim(Str(o["bill_number"]), 60), Num(o["bill_total"]), items);

        static string? Str(JsonNode? n) => n is JsonValue v ? (v.TryGetValue<string>(out var s) ? s : v.ToJsonString()) is { Length: > 0 } t && t != "null" ? t.Trim() : null : null;
        static decimal? Num(JsonNode? n) => n is JsonValue v && v.TryGetValue<decimal>(out var d) ? d : Number(Str(n));
    }

    public const string VisionInstructions = """
        You read supplier invoices (restaurant food-service bills). Answer with one JSON object only:
        {"supplier_name": string|null, "bill_date": "YYYY-MM-DD"|null, "bill_number": string|null, "bill_total": number|null,
         "line_items": [{"description": string, "sku": string|null, "quantity": number|null, "unit": string|null,
                         "unit_price": number|null, "line_total": number|null}]}
        Copy values exactly as printed; use null for anything you cannot read. Do not invent lines.
        """;

    /// <summary>A line with sane values, or null (no description, or numbers out of range).</summary>
    static ParsedLine? Line(string description, string? sku, decimal? qty, string? unit, decimal? price, decimal? total)
    {
        description = description.Trim();
        if (description.Length == 0) return null;
        if (qty is < 0 or > 1_000_000 || price is < 0 or > 10_000_000 || total is < -10_000_000 or > 1_000_000_000) return null;
        if (price is null && total is null) return null;
        return new ParsedLine(Trim(description, 300)!, Trim(sku?.Trim(), 60), qty is { } q ? decimal.Round(q, 3) : null, Trim(unit?.Trim(), 20),
            price is { } p ? decimal.Round(p, 4) : null, total is { } t ? decimal.Round(t, 2, MidpointRounding.AwayFromZero) : null);
    }

    static Dictionary<string, int>? Columns(List<string> row)
    {
        var map = new Dictionary<string, int>();
        for (var i = 0; i < row.Count; i++)
        {
            var key = Norm(row[i]) switch
            {
                "description" or "desc" or "item" or "itemdescription" or "product" or "productname" or "productdescription" or "name" or "itemname" => "description",
                "sku" or "item#" or "itemno" or "itemnumber" or "itemcode" or "code" or "productcode" or "productno" or "product#" or "partno" or "part#" or "upc" => "sku",
                "qty" or "quantity" or "qtyshipped" or "shipped" or "qtyordered" or "cases" or "count" => "quantity",
                "unit" or "uom" or "unitofmeasure" or "pack" or "packsize" or "size" => "unit",
                "unitprice" or "price" or "unitcost" or "cost" or "priceeach" or "each" or "caseprice" or "rate" => "unit_price",
                "linetotal" or "total" or "amount" or "extendedprice" or "extended" or "ext" or "extprice" or "exttotal" or "lineamount" or "totalprice" => "line_total",
                _ => null,
            };
            if (key is not null) map.TryAdd(key, i);
        }
        return map.Count >= 2 ? map : null;
    }

    static string Norm(string s) => new(s.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c == '#').ToArray());

    /// <summary>RFC 4180 rows: quoted fields, doubled quotes, commas and newlines inside quotes.</summary>
    static List<List<string>> Csv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString().Trim()); field.Clear(); }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString().Trim()); field.Clear();
                if (row.Any(f => f.Length > 0)) rows.Add(row);
                row = [];
            }
            else field.Append(c);
        }
        row.Add(field.ToString().Trim());
        if (row.Any(f => f.Length > 0)) rows.Add(row);
        return rows;
    }

    static decimal? Number(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var t = s.Trim().Replace("$", "").Replace(",", "").Replace(" ", "");
        var negative = t.StartsWith('(') && t.EndsWith(')');
        t = t.Trim('(', ')');
        return decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d)
            ? negative ? -d : d : null;
    }

    static readonly string[] DateFormats = ["yyyy-MM-dd", "M/d/yyyy", "M/d/yy", "M-d-yyyy", "MMM d yyyy", "MMM d, yyyy", "MMMM d, yyyy", "MMMM d yyyy", "MMM. d, yyyy", "d MMM yyyy"];

    static DateOnly? ParseDate(string? s) =>
        s is not null && DateOnly.TryParseExact(s.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var d)
        && d.Year is >= 1990 and <= 2100 ? d : null;

    static string StripFence(string s)
    {
        s = s.Trim();
        if (!s.StartsWith("```")) return s;
        var start = s.IndexOf('\n');
        var end = s.LastIndexOf("```", StringComparison.Ordinal);
        return start > 0 && end > start ? s[(start + 1)..end] : s.Trim('`');
    }

    static string? Clean(string s) => s.Trim().Trim(':', '-', ' ') is { Length: > 0 } t ? t : null;
    static string? Trim(string? s, int max) => string.IsNullOrWhiteSpace(s) ? null : s.Length > max ? s[..max] : s;

    [GeneratedRegex(@"\s+")] private static partial Regex Spaces();
    // [SKU] description quantity [unit] unit_price line_total; a SKU has a digit and a capital letter or a dash (LLD-0001, A1234)
    [GeneratedRegex(@"^(?:(?<sku>(?=[A-Z0-9\-]*\d)(?=[A-Z0-9\-]*[A-Z\-])[A-Z0-9][A-Z0-9\-]{2,})\s+)?(?<desc>.*?[A-Za-z].*?)\s+(?<qty>\d{1,7}(?:\.\d{1,3})?)\s+(?:(?<unit>[A-Za-z#][A-Za-z#/]{0,7}\.?)\s+)?\$?\s?(?<price>\d{1,3}(?:,\d{3})+(?:\.\d{1,4})?|\d+\.\d{1,4})\s+\$?\s?(?<total>\d{1,3}(?:,\d{3})+\.\d{2}|\d+\.\d{2})$")]
    private static partial Regex ItemRow();
    [GeneratedRegex(@"^(?:sub\s*-?\s*total|total|tax|sales tax|balance|amount due|freight|delivery|fuel|discount|deposit|shipping|grand total)\b", I)]
    private static partial Regex NotAnItem();
    [GeneratedRegex(@"total|amount due|balance due", I)] private static partial Regex TotalWord();
    [GeneratedRegex(@"^(?:supplier|vendor|distributor|sold by|from|remit to)\s*[:\-]\s*(?<v>.+)$", I)] private static partial Regex SupplierLabel();
    [GeneratedRegex(@"(?:invoice|bill|inv)\s*(?:number|no\.?|num|#)?\s*[:#]?\s*#?\s*(?<v>[A-Z0-9][A-Z0-9\-/]{2,})", I)] private static partial Regex NumberLabel();
    [GeneratedRegex(@"\bdate\s*[:\-]?\s*(?<v>\d{4}-\d{2}-\d{2}|\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|[A-Za-z]{3,9}\.? \d{1,2},? \d{4})", I)] private static partial Regex DateLabel();
    [GeneratedRegex(@"\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})\b")] private static partial Regex AnyDate();
    [GeneratedRegex(@"^(?<k>grand\s+total|total\s+due|amount\s+due|invoice\s+total|balance\s+due|total)\b[^0-9$]*\$?\s?(?<v>\d{1,3}(?:,\d{3})+\.\d{2}|\d+\.\d{2})\s*$", I)]
    private static partial Regex TotalLine();
    [GeneratedRegex(@"\b(?:invoice|bill to|ship to|date|page|sold to|customer|account|terms|po\b|order)", I)] private static partial Regex HeaderWords();
}
