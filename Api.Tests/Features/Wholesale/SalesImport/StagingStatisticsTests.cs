using Api.Tests.Infrastructure;
using Npgsql;

namespace Api.Tests.Features.Wholesale.SalesImport;

/// <summary>
/// The import's staging table gets statistics from inside the importing transaction, as the app role the job runs as: a
/// plain `analyze` there was skipped (only the owner may), so the planner kept an empty-table estimate and nested-looped
/// 200,000 staged rows.
/// </summary>
public sealed class StagingStatisticsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_app_role_analyzes_its_own_staged_rows_inside_its_transaction()
    {
        await using var conn = api.AppConnection();
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        const long importId = -4242;   // no such import: the rows never commit
        await using (var fill = new NpgsqlCommand("""
            insert into wholesale.sales_import_rows (import_id, line_no, order_number, order_date, phone, quantity, unit_price)
            select $1, g, 'STAT-' || (g / 3), now(), '555' || lpad(g::text, 7, '0'), 1, 9.99 from generate_series(1, 3000) g
            """, conn, tx))
        {
            fill.Parameters.Add(new NpgsqlParameter { Value = importId });
            await fill.ExecuteNonQueryAsync();
        }
        await using (var plain = new NpgsqlCommand("analyze wholesale.sales_import_rows", conn, tx)) await plain.ExecuteNonQueryAsync();
        Assert.True(await Tuples(conn, tx) < 3000, "the app role's own analyze is expected to be skipped (not the owner)");

        await using (var analyze = new NpgsqlCommand("select wholesale.analyze_sales_import_rows()", conn, tx)) await analyze.ExecuteNonQueryAsync();
        Assert.True(await Tuples(conn, tx) >= 3000, "the staged rows are counted after the owner's analyze");
        await tx.RollbackAsync();
    }

    static async Task<double> Tuples(NpgsqlConnection conn, NpgsqlTransaction tx)
    {
        await using var cmd = new NpgsqlCommand("select reltuples::float8 from pg_class where oid = 'wholesale.sales_import_rows'::regclass", conn, tx);
        return (double)(await cmd.ExecuteScalarAsync())!;
    }
}
