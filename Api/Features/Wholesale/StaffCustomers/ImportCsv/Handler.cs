using System.Net.Mail;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using CsvHelper;
using ErrorOr;
using Mediator;
using Npgsql;
using NpgsqlTypes;

namespace Api.Features.Wholesale.StaffCustomers.ImportCsv;

/// <summary>
/// Parses the whole file first (CsvHelper), checks each row, then writes the good ones in one transaction under an advisory
/// lock (two imports of the same file at once cannot both create a row): existing live customers are matched by email
/// (case-insensitive) or E.164 phone with one indexed query, and the new rows go in with one array insert. A new customer
/// whose phone is on the do-not-call list (<c>wholesale.do_not_call</c>) is created with <c>do_not_call = true</c>, as the
/// transactions import does; <c>do_not_call</c> in the answer counts them.
/// </summary>
sealed class Handler(Db db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ExistingSql = Sql.Load<Handler>("Existing.sql");
    static readonly string InsertSql = Sql.Load<Handler>("Insert.sql");

    sealed record Row(int Line, string? First, string? Last, string? Company, string? Email, string? Phone, string? Shipping, string? Billing);

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var rows = new List<Row>();
        var errors = new List<LineError>();
        var total = 0;
        await using (var stream = req.File!.OpenReadStream())
        await using (var csv = CsvReader.Create(stream, new CsvReaderOptions
               { Separator = ',', TrackLineNumbers = true, MaxRecordSize = 1024 * 1024, SkipEmptyLines = true }, false))
        {
            try
            {
                await csv.ReadHeaderAsync(ct);
            }
            catch (Exception e) when (e is CsvFormatException or InvalidDataException)
            {
                return Error.Validation("file", "The file is not a readable CSV");
            }
            int Col(string name) => csv.TryGetFieldIndex(name, out var i) ? i : -1;
            var cols = CustomerCsv.Columns.ToDictionary(c => c, Col);
            if (cols["email"] < 0 && cols["phone"] < 0)
                return Error.Validation("file", "The header needs an email or a phone column (see csv-template)");
            while (true)
            {
                bool more;
                try { more = await csv.ReadAsync(ct); }
                catch (Exception e) when (e is CsvFormatException or InvalidDataException)
                {
                    errors.Add(new LineError((int)csv.LineNumber, "Unreadable CSV line; the rest of the file was not read"));
                    break;
                }
                if (!more) break;
                var line = (int)csv.LineNumber;
                string F(string name) => cols[name] is var i and >= 0 && i < csv.FieldCount ? CustomerCsv.Unescape(csv.GetString(i)) : "";
                if (CustomerCsv.Columns.All(c => F(c).Length == 0)) continue;   // a line of empty cells
                if (++total > Request.MaxRows) return Error.Validation("file", $"At most {Request.MaxRows} rows per file");
                var email = F("email");
                var phoneText = F("phone");
                string? phone = null;
                if (phoneText.Length > 0 && (phone = Phones.ToE164(phoneText)) is null) { errors.Add(new(line, $"Invalid phone '{Trunc(phoneText)}'")); continue; }
                if (email.Length > 0 && !IsEmail(email)) { errors.Add(new(line, $"Invalid email '{Trunc(email)}'")); continue; }
                if (email.Length == 0 && phone is null) { errors.Add(new(line, "A row needs an email or a phone (the import de-duplicates by them)")); continue; }
                var first = F("first_name"); var last = F("last_name"); var company = F("company_name");
                if (first.Length > 100 || last.Length > 100 || company.Length > 200) { errors.Add(new(line, "A name is too long (first/last 100, company 200 characters)")); continue; }
                var shipping = CustomerCsv.Compose(F("shipping_street"), F("shipping_city"), F("shipping_state"), F("shipping_zip"));
                var billing = CustomerCsv.Compose(F("billing_street"), F("billing_city"), F("billing_state"), F("billing_zip"));
                if (billing is null && F("same_as_shipping").ToLowerInvariant() is "true" or "yes" or "1" or "y") billing = shipping;
                if ((shipping?.Length ?? 0) > 500 || (billing?.Length ?? 0) > 500) { errors.Add(new(line, "An address is too long (500 characters)")); continue; }
                rows.Add(new Row(line, N(first), N(last), N(company), N(email), phone, shipping, billing));
            }
        }

        await using var conn = await db.App.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var lk = new NpgsqlCommand("select pg_advisory_xact_lock(hashtext('wholesale.customer_import'))", conn, tx))
            await lk.ExecuteNonQueryAsync(ct);
        var seenEmails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var seenPhones = new HashSet<string>();
        await using (var ex = new NpgsqlCommand(ExistingSql, conn, tx))
        {
            ex.Parameters.Add(new NpgsqlParameter { Value = rows.Where(r => r.Email is not null).Select(r => r.Email!.ToLowerInvariant()).Distinct().ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            ex.Parameters.Add(new NpgsqlParameter { Value = rows.Where(r => r.Phone is not null).Select(r => r.Phone!).Distinct().ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            await using var r = await ex.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                if (!r.IsDBNull(0)) seenEmails.Add(r.GetString(0));
                if (!r.IsDBNull(1)) seenPhones.Add(r.GetString(1));
            }
        }
        var fresh = new List<Row>();
        var skipped = 0;
        foreach (var row in rows)
        {
            if ((row.Email is not null && seenEmails.Contains(row.Email)) || (row.Phone is not null && seenPhones.Contains(row.Phone))) { skipped++; continue; }
            if (row.Email is not null) seenEmails.Add(row.Email);
            if (row.Phone is not null) seenPhones.Add(row.Phone);
            fresh.Add(row);
        }
        var flagged = 0;
        if (fresh.Count > 0)
        {
            await using var ins = new NpgsqlCommand(InsertSql, conn, tx);
            void Arr(Func<Row, string?> f) => ins.Parameters.Add(new NpgsqlParameter { Value = fresh.Select(f).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            Arr(r => r.First); Arr(r => r.Last); Arr(r => r.Company); Arr(r => r.Email); Arr(r => r.Phone); Arr(r => r.Shipping); Arr(r => r.Billing);
            ins.Parameters.Add(new NpgsqlParameter { Value = req.StaffId });
            ins.Parameters.Add(new NpgsqlParameter { Value = fresh.Count });
            flagged = (int)(await ins.ExecuteScalarAsync(ct))!;
        }
        await tx.CommitAsync(ct);
        return new Response(true, total, fresh.Count, skipped, flagged, errors);
    }

    static string? N(string s) => s.Length == 0 ? null : s;
    static string Trunc(string s) => s.Length > 60 ? s[..60] + "…" : s;

    static bool IsEmail(string s) =>
        s.Length <= 254 && MailAddress.TryCreate(s, out var a) && a.Address == s && s.IndexOf('@') is > 0 and var at && s.IndexOf('.', at) > at + 1;
}
