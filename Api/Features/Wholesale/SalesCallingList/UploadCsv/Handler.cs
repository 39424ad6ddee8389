using System.Globalization;
using System.Text.Json;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using global::CsvHelper;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Microsoft.Extensions.Options;

namespace Api.Features.Wholesale.SalesCallingList.UploadCsv;

/// <summary>
/// Reads the CSV (header row; up to 20,000 data rows, else 400), checks each row (a bad row is skipped and reported by its
/// line number), drops phones already seen earlier in the file or already on the list (<c>dupes</c>) and inserts the rest
/// in one statement. A rep's uploaded prospects are assigned to them. A row whose phone or phone2 is on the do-not-call list
/// (<c>wholesale.do_not_call</c>, E.164; issue 16) is not added: it is reported in <c>errors</c> by its line and counted in
/// <c>skipped</c> and <c>do_not_call</c>.
/// </summary>
sealed class Handler(AppDb db, IOptions<CallingListOptions> options) : IRequestHandler<Request, ErrorOr<Response>>
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 20_000;
    static readonly string InsertSql = Sql.Load<Handler>("UploadCsv.sql");
    const string ListedSql = "select phone from wholesale.do_not_call where phone = any(@Phones)";
    static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    static readonly Dictionary<string, string> Aliases = new()
    {
        ["phone"] = "phone", ["phone_number"] = "phone", ["telephone"] = "phone", ["mobile"] = "phone",
        ["phone2"] = "phone2", ["phone_2"] = "phone2", ["alt_phone"] = "phone2",
        ["company_name"] = "company_name", ["company"] = "company_name", ["business"] = "company_name", ["business_name"] = "company_name",
        ["contact_name"] = "contact_name", ["contact"] = "contact_name", ["name"] = "contact_name",
        ["first_name"] = "first_name", ["last_name"] = "last_name", ["email"] = "email", ["email_address"] = "email",
        ["address"] = "address", ["notes"] = "notes", ["priority_score"] = "priority_score", ["score"] = "priority_score", ["status"] = "status",
    };

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var errors = new List<LineError>();
        var rows = new List<Row>();
        var rowLines = new List<int>();
        var seen = new HashSet<string>();
        var fileDupes = 0;
        var options2 = new CsvReaderOptions
        {
            HasHeader = false, TrackLineNumbers = true, SkipEmptyLines = true, TrimWhitespace = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow, MissingField = CsvMissingFieldHandling.ReturnEmpty,
            MalformedData = CsvMalformedDataHandling.Recover,
        };
        await using var stream = req.File!.OpenReadStream();
        using var csv = CsvReader.Create(stream, options2, false);
        if (!await csv.ReadAsync(ct))
            return Error.Validation("file", "The CSV is empty; it needs a header row with at least a phone column", new() { ["field"] = "file" });
        var columns = new Dictionary<string, int>();
        for (var i = 0; i < csv.FieldCount; i++)
        {
            var key = (csv.GetStringOrNull(i) ?? "").Trim().TrimStart('\uFEFF').ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
            if (Aliases.TryGetValue(key, out var column)) columns.TryAdd(column, i);
        }
        if (!columns.ContainsKey("phone"))
            return Error.Validation("file", "The header row has no phone column", new() { ["field"] = "file" });

        var count = 0;
        while (await csv.ReadAsync(ct))
        {
            var line = (int)csv.LineNumber;
            string? Get(string c) => columns.TryGetValue(c, out var i) && i < csv.FieldCount && csv.GetStringOrNull(i) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
            var blank = true;
            for (var i = 0; i < csv.FieldCount && blank; i++) blank = string.IsNullOrWhiteSpace(csv.GetStringOrNull(i));
            if (blank) continue;
            if (++count > MaxRows)
                return Error.Validation("file", $"The CSV has more than {MaxRows:N0} rows; split it", new() { ["field"] = "file" });
            var phone = Phones.ToE164(Get("phone"));
            if (phone is null) { errors.Add(new(line, Get("phone") is null ? "phone is required" : $"'{Get("phone")}' is not a valid phone number")); continue; }
            var phone2 = Get("phone2");
            var phone2e = phone2 is null ? null : Phones.ToE164(phone2);
            if (phone2 is not null && phone2e is null) { errors.Add(new(line, $"phone2 '{phone2}' is not a valid phone number")); continue; }
            var email = Get("email");
            if (email is not null && (email.Length > 254 || !email.Contains('@'))) { errors.Add(new(line, $"'{email}' is not a valid email address")); continue; }
            double? score = null;
            if (Get("priority_score") is { } s)
            {
                if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v is < 0 or > 100)
                { errors.Add(new(line, "priority_score must be a number from 0 to 100")); continue; }
                score = v;
            }
            var status = Get("status")?.ToLowerInvariant().Replace(' ', '_');
            if (status is not null && !CallingList.Statuses.Contains(status))
            { errors.Add(new(line, $"status must be one of: {string.Join(", ", CallingList.Statuses)}")); continue; }
            if (!seen.Add(phone)) { fileDupes++; continue; }
            rows.Add(new Row(phone, phone2e, Cut(Get("company_name"), 200), Cut(Get("contact_name"), 200), Cut(Get("first_name"), 100),
                Cut(Get("last_name"), 100), email, Cut(Get("address"), 500), Cut(Get("notes"), 5000),
                Math.Round(score ?? options.Value.DefaultScore, 2), status ?? "new"));
            rowLines.Add(line);
        }

        var doNotCall = 0;
        if (rows.Count > 0)
        {
            var numbers = rows.Select(r => r.Phone).Concat(rows.Where(r => r.Phone2 is not null).Select(r => r.Phone2!)).Distinct().ToArray();
            var listed = (await db.QueryToListAsync<string>(ListedSql, new { Phones = numbers }, ct)).ToHashSet();
            if (listed.Count > 0)
            {
                var kept = new List<Row>(rows.Count);
                for (var i = 0; i < rows.Count; i++)
                {
                    var number = listed.Contains(rows[i].Phone) ? rows[i].Phone : rows[i].Phone2 is { } p2 && listed.Contains(p2) ? p2 : null;
                    if (number is null) { kept.Add(rows[i]); continue; }
                    errors.Add(new(rowLines[i], $"{number} is on the do-not-call list; not added"));
                    doNotCall++;
                }
                rows = kept;
                errors.Sort((a, b) => a.Line.CompareTo(b.Line));
            }
        }

        var created = rows.Count == 0 ? 0 : await db.ExecuteAsync<int>(InsertSql, new
        {
            Rows = JsonSerializer.Serialize(rows, Json), AssignedTo = req.RepId, req.StaffId,
        }, ct);
        return new Response(true, created, errors.Count, fileDupes + rows.Count - created, doNotCall, errors.Take(1000).ToList());
    }

    static string? Cut(string? s, int max) => s is null ? null : s.Length <= max ? s : s[..max];

    sealed record Row(string Phone, string? Phone2, string? CompanyName, string? ContactName, string? FirstName, string? LastName,
        string? Email, string? Address, string? Notes, double PriorityScore, string Status);
}
