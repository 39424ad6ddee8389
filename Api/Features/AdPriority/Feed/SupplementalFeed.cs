using System.Text;
using Api.Infrastructure.Database;
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

    public static async Task<List<string[]>> LoadAsync(DataConnection db, Guid tenant, bool activeOnly, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)await db.OpenDbConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(FeedSql, conn);
        cmd.Parameters.Add(new NpgsqlParameter("tenant", tenant));
        cmd.Parameters.Add(new NpgsqlParameter("activeOnly", activeOnly));
        var rows = new List<string[]>(1024);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            rows.Add([Gmc.ProductId(r.GetInt64(0), r.GetInt64(1)), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6)]);
        return rows;
    }

    /// <summary>RFC 4180 CSV with the header row.</summary>
    public static string ToCsv(IEnumerable<string[]> rows)
    {
        var sb = new StringBuilder(64 * 1024);
        Append(sb, Header);
        foreach (var row in rows) Append(sb, row);
        return sb.ToString();

        static void Append(StringBuilder sb, string[] row)
        {
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0) sb.Append(',');
                var v = row[i];
                if (v.AsSpan().IndexOfAny(",\"\r\n") >= 0) sb.Append('"').Append(v.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
                else sb.Append(v);
            }
            sb.Append("\r\n");
        }
    }
}
