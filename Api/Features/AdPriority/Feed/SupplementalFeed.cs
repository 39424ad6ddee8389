using Api.Infrastructure.Database;
using CsvHelper;
using LinqToDB.Data;
using Npgsql;

namespace Api.Features.AdPriority.Feed;

/// <summary>
/// The supplemental feed Merchant Center reads: <c>id</c> (= gmcProductId, <see cref="Gmc.ProductId"/>) and <c>custom_label_0..4</c>.
/// Built from stored scores (no rescoring); shared by the sheet push, the CSV feed URL and the bench. Runs on the caller's
/// connection inside its tenant transaction.
/// </summary>
public static class SupplementalFeed
{
    static readonly string FeedSql = Sql.Load(typeof(SupplementalFeed), "SupplementalFeed.sql");
    public static readonly string[] Header = ["id", "custom_label_0", "custom_label_1", "custom_label_2", "custom_label_3", "custom_label_4"];

    /// <summary>
    /// RFC 4180 as Merchant Center reads it (CRLF, quotes only where needed, no formula escaping: the labels are data, not
    /// spreadsheet cells). CsvHelper's default options; named here so the feed's dialect is one decision.
    /// </summary>
    static readonly CsvWriterOptions CsvOptions = new() { NewLine = "\r\n", Injection = CsvInjection.None };

    public static async Task<List<string[]>> LoadAsync(DataConnection db, Guid tenant, bool activeOnly, CancellationToken ct)
    {
        var rows = new List<string[]>(1024);
        await using var r = await QueryAsync(db, tenant, activeOnly, ct);
        while (await r.ReadAsync(ct))
            rows.Add([Gmc.ProductId(r.GetInt64(0), r.GetInt64(1)), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6)]);
        return rows;
    }

    /// <summary>
    /// Streams the feed as CSV with the header row from the query straight into <paramref name="body"/> (CsvHelper writes out
    /// whenever its buffer is mostly full), so memory stays flat whatever the catalog's size.
    /// </summary>
    public static async Task WriteCsvAsync(DataConnection db, Guid tenant, bool activeOnly, Stream body, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(body, CsvOptions, leaveOpen: true);
        csv.WriteHeader(Header);
        await using (var r = await QueryAsync(db, tenant, activeOnly, ct))
            while (await r.ReadAsync(ct))
            {
                csv.WriteField(Gmc.ProductId(r.GetInt64(0), r.GetInt64(1)));
                for (var i = 2; i <= 6; i++) csv.WriteField(r.GetString(i));
                await csv.EndRecordAsync(ct);
            }
        await csv.FlushAsync(ct);
    }

    static async Task<NpgsqlDataReader> QueryAsync(DataConnection db, Guid tenant, bool activeOnly, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)await db.OpenDbConnectionAsync(ct);
        var cmd = new NpgsqlCommand(FeedSql, conn);
        cmd.Parameters.Add(new NpgsqlParameter("tenant", tenant));
        cmd.Parameters.Add(new NpgsqlParameter("activeOnly", activeOnly));
        return await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
    }
}
