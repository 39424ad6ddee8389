using System.Globalization;
using Api.Infrastructure.Database;
using CsvHelper;

namespace Api.Features.Wholesale.StaffCustomers.ExportCsv;

sealed class Handler(Db db)
{
    static readonly string ExportSql = Sql.Load<Handler>("ExportCsv.sql");

    public async Task WriteAsync(Stream body, CancellationToken ct)
    {
        // CsvHelper's own formula-injection guard: text cells starting with = + - @ (or tab, CR) get a leading apostrophe
        await using var csv = CsvWriter.Create(body, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        foreach (var c in CustomerCsv.Columns) csv.WriteField(c);
        await csv.EndRecordAsync(ct);
        await using var conn = await db.App.OpenConnectionAsync(ct);
        await using var cmd = new Npgsql.NpgsqlCommand(ExportSql, conn);
        await using var r = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        while (await r.ReadAsync(ct))
        {
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            var first = S(0); var last = S(1); var company = S(2); var email = S(3); var phone = S(4);
            var orders = r.GetInt64(5); var spent = r.GetDecimal(6); var joined = r.GetDateTime(7);
            var shipping = S(8); var billing = S(9);
            var ship = CustomerCsv.Split(shipping);
            var bill = CustomerCsv.Split(billing);
            var same = billing is null || billing == shipping;
            csv.WriteField((first)); csv.WriteField((last)); csv.WriteField((company));
            csv.WriteField((email)); csv.WriteField((phone));
            csv.WriteField(orders.ToString(CultureInfo.InvariantCulture)); csv.WriteField(spent.ToString("0.00", CultureInfo.InvariantCulture));
            csv.WriteField(joined.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField((ship.Street)); csv.WriteField((ship.City));
            csv.WriteField((ship.State)); csv.WriteField((ship.Zip));
            csv.WriteField((same ? "" : bill.Street)); csv.WriteField((same ? "" : bill.City));
            csv.WriteField((same ? "" : bill.State)); csv.WriteField((same ? "" : bill.Zip));
            csv.WriteField(same ? "true" : "false");
            await csv.EndRecordAsync(ct);   // writes out whenever its buffer is mostly full: memory stays flat
        }
        await csv.FlushAsync(ct);
    }
}
