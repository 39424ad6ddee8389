using System.Globalization;
using Api.Tests.Infrastructure;
using Npgsql;

namespace Api.Tests.Features.ShopperSearch.Search;

/// <summary>
/// Text-search candidates come from <c>shopper.search_candidates</c>, a SECURITY DEFINER function that reads products as
/// their owner (outside the row-level-security policy) so it can use the (merchant, search_vector) index. These tests prove
/// it only ever yields the tenant of <c>app.tenant_id</c>: nothing without a tenant, nothing of another merchant, and that the
/// app role is still held by the policy everywhere else on products.
/// </summary>
public sealed class SearchIsolationTests(ShopperApi api) : IClassFixture<ShopperApi>
{
    const long A = 880301, B = 880302, C = 880303, D = 880304;

    Task SeedAsync() => api.OnceAsync(nameof(SearchIsolationTests), async () =>
    {
        await api.SeedAsync();
        await InsertAsync(A, [("A-1", "Quokkaweave Linen Shirt"), ("A-2", "Quokkaweave Wool Scarf"), ("A-3", "Plain Cotton Tee")]);
        await InsertAsync(B, [("B-1", "Zephyrloom Linen Shirt"), ("B-2", "Quokkaweave Silk Tie"), ("B-3", "Zephyrloom Denim Jacket")]);
        await using var conn = api.OwnerConnection();
        await conn.OpenAsync();
        // C: words "wombat", "velour", "poncho"; rows differ in status, display flag, price, gender and how many words match
        foreach (var (id, name, status, shown, price, gender) in new[]
                 {
                     ("C-ALL", "Wombat Velour Poncho", "active", true, 40.0, "womens"),
                     ("C-TWO", "Wombat Velour Cape", "active", true, 60.0, "mens"),
                     ("C-ONE", "Wombat Cotton Cape", "active", true, 20.0, "womens"),
                     ("C-DRAFT", "Wombat Velour Poncho", "draft", true, 40.0, "womens"),
                     ("C-HIDDEN", "Wombat Velour Poncho", "active", false, 40.0, "womens"),
                 })
            await Scalar(conn, null, """
                insert into shopper.products (merchant_id, product_id, product_name, price, price_numeric, image1, status, display_flag, gender)
                values ($1, $2, $3, '1', $4, 'https://cdn.example.com/c.jpg', $5, $6, $7) returning id
                """, C, id, name, price, status, shown, gender);
        // D: four words "kiwi", "alpaca", "satin", "parka"; rows match four, three, two or one of them
        await InsertAsync(D, [("D-4", "Kiwi Alpaca Satin Parka"), ("D-3A", "Kiwi Alpaca Satin Vest"), ("D-3B", "Kiwi Alpaca Parka"),
                              ("D-2", "Kiwi Parka"), ("D-1", "Satin Ribbon")]);
    });

    async Task InsertAsync(long merchant, (string Id, string Name)[] products)
    {
        await using var conn = api.OwnerConnection();
        await conn.OpenAsync();
        foreach (var (id, name) in products)
            await Scalar(conn, null, """
                insert into shopper.products (merchant_id, product_id, product_name, price, price_numeric, image1)
                values ($1, $2, $3, '40.00', 40, $4) returning id
                """, merchant, id, name, $"https://cdn.example.com/{id}.jpg");
    }

    /// <summary>The candidate function called as the app role, with <c>app.tenant_id</c> set to <paramref name="tenant"/> (or not at all).</summary>
    async Task<List<string>> CandidatesAsAppAsync(string? tenant, string tsquery)
    {
        await using var conn = api.AppConnection();
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        if (tenant is not null) await Scalar(conn, tx, "select set_config('app.tenant_id', $1, true)", tenant);
        await using var cmd = new NpgsqlCommand("""
            select p.merchant_id::text || ':' || p.product_id
            from shopper.search_candidates(to_tsquery('english', $1), to_tsquery('english', $1), null, array[to_tsquery('english', $1)], null, null, '{}', 10, 100, 100) c
            join lateral (select merchant_id, product_id from shopper.products where id = c.id) p on true
            """, conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = tsquery });
        var ids = new List<string>();
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) ids.Add(r.GetString(0));
        return ids;
    }

    /// <summary>Raw ids of the candidates (no join back through the policy), as the app role.</summary>
    async Task<long> CandidateCountAsAppAsync(string? tenant, string tsquery)
    {
        await using var conn = api.AppConnection();
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        if (tenant is not null) await Scalar(conn, tx, "select set_config('app.tenant_id', $1, true)", tenant);
        return (long)(await Scalar(conn, tx,
            "select count(*) from shopper.search_candidates(to_tsquery('english', $1), to_tsquery('english', $1), null, array[to_tsquery('english', $1)], null, null, '{}', 10, 100, 100)",
            tsquery))!;
    }

    [Fact]
    public async Task Candidates_belong_only_to_the_tenant_set_for_the_transaction()
    {
        await SeedAsync();
        Assert.Equal(["880301:A-1", "880301:A-2"], (await CandidatesAsAppAsync(A.ToString(CultureInfo.InvariantCulture), "quokkaweave")).Order());
        Assert.Equal(["880302:B-2"], await CandidatesAsAppAsync(B.ToString(CultureInfo.InvariantCulture), "quokkaweave"));
        Assert.Equal(2, await CandidateCountAsAppAsync(B.ToString(CultureInfo.InvariantCulture), "zephyrloom"));
    }

    [Fact]
    public async Task No_tenant_or_a_wrong_tenant_gets_no_candidates()
    {
        await SeedAsync();
        Assert.Equal(0, await CandidateCountAsAppAsync(null, "quokkaweave"));
        Assert.Equal(0, await CandidateCountAsAppAsync("", "quokkaweave"));
        Assert.Equal(0, await CandidateCountAsAppAsync(A.ToString(CultureInfo.InvariantCulture), "zephyrloom"));   // B's word, A's tenant
        Assert.Equal(0, await CandidateCountAsAppAsync("999999999", "quokkaweave"));                          // a merchant with no rows
        // a non-numeric tenant is an error, never a bypass
        await Assert.ThrowsAsync<PostgresException>(() => CandidateCountAsAppAsync("880301 or true", "quokkaweave"));
    }

    [Fact]
    public async Task App_role_is_still_under_row_level_security_on_products()
    {
        await SeedAsync();
        await using var conn = api.AppConnection();
        await conn.OpenAsync();
        await using (var tx = await conn.BeginTransactionAsync())
        {
            Assert.Equal(0L, await Scalar(conn, tx, "select count(*) from shopper.products"));
            await Scalar(conn, tx, "select set_config('app.tenant_id', $1, true)", A.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(3L, await Scalar(conn, tx, "select count(*) from shopper.products"));
            Assert.Equal(0L, await Scalar(conn, tx, "select count(*) from shopper.products where merchant_id = $1", B));
            var e = await Assert.ThrowsAsync<PostgresException>(() => Scalar(conn, tx, """
                insert into shopper.products (merchant_id, product_id, product_name, price, price_numeric, image1)
                values ($1, 'X-1', 'Smuggled', '1', 1, 'https://cdn.example.com/x.jpg') returning id
                """, B));
            Assert.Equal("42501", e.SqlState);   // new row violates row-level security policy
        }
        await using var owner = api.OwnerConnection();
        await owner.OpenAsync();
        Assert.Equal(true, await Scalar(owner, null, "select relrowsecurity from pg_class where oid = 'shopper.products'::regclass"));
    }

    [Fact]
    public async Task Text_search_never_returns_another_merchants_products()
    {
        await SeedAsync();
        var (statusA, a) = await api.Merchant(A).Post("/api/v0/product/search/text", new { query_str = "zephyrloom", limit = 50 });
        Assert.Equal(200, statusA);
        Assert.DoesNotContain(Shopper.Ids(a["results"]!["data"]!), i => i.StartsWith("B-", StringComparison.Ordinal));
        var (_, a2) = await api.Merchant(A).Post("/api/v0/product/search/text", new { query_str = "quokkaweave linen shirt", limit = 50 });
        var idsA = Shopper.Ids(a2["results"]!["data"]!);
        Assert.Equal("A-1", idsA.First());
        Assert.All(idsA, i => Assert.StartsWith("A-", i));
        var (_, b) = await api.Merchant(B).Post("/api/v0/product/search/textandcolor", new { query_str = "quokkaweave", color = "red", limit = 50 });
        Assert.All(Shopper.Ids(b["results"]!["data"]!), i => Assert.StartsWith("B-", i));
        Assert.Contains("B-2", Shopper.Ids(b["results"]!["data"]!));
    }

    /// <summary>
    /// "product_id:matched" of the candidates for <paramref name="terms"/> as <paramref name="tenant"/>, with the tiers SearchEngine
    /// builds for them (every term, <see cref="Api.Features.ShopperSearch.Common.SearchEngine.Subsets"/>, any term), the tier limit and filters given.
    /// </summary>
    async Task<List<string>> CandidatesAsync(long tenant, string[] terms, int limit, double? min = null, double? max = null, string[]? genders = null)
    {
        await using var conn = api.AppConnection();
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await Scalar(conn, tx, "select set_config('app.tenant_id', $1, true)", tenant.ToString(CultureInfo.InvariantCulture));
        await using var cmd = new NpgsqlCommand("""
            select p.product_id || ':' || c.matched
            from shopper.search_candidates(to_tsquery('english', $1), to_tsquery('english', $2),
                                           (select array_agg(to_tsquery('english', t) order by i) from unnest($3::text[]) with ordinality u(t, i)),
                                           (select array_agg(to_tsquery('english', t)) from unnest($4::text[]) t),
                                           $5, $6, $7, $8, 100, 100) c
            join shopper.products p on p.id = c.id
            order by c.matched desc, p.product_id
            """, conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = string.Join(" | ", terms) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = string.Join(" & ", terms) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Api.Features.ShopperSearch.Common.SearchEngine.Subsets(terms), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = terms });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)min ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Double });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)max ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Double });
        cmd.Parameters.Add(new NpgsqlParameter { Value = genders ?? [], NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        var ids = new List<string>();
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) ids.Add(r.GetString(0));
        return ids;
    }

    Task<List<string>> WombatAsync(int limit, double? min = null, double? max = null, string[]? genders = null) =>
        CandidatesAsync(C, ["wombat", "velour", "poncho"], limit, min, max, genders);

    [Fact]
    public async Task Candidates_relax_tier_by_tier_and_honour_status_display_price_and_gender()
    {
        await SeedAsync();
        Assert.Equal(["C-ALL:3"], await WombatAsync(limit: 1));                                  // every term was enough
        Assert.Equal(["C-ALL:3", "C-TWO:2"], await WombatAsync(limit: 2));                       // then at least two terms
        Assert.Equal(["C-ALL:3", "C-TWO:2", "C-ONE:1"], await WombatAsync(limit: 10));           // then any term; never draft or hidden rows
        Assert.Equal(["C-TWO:2"], await WombatAsync(limit: 10, genders: ["mens"]));
        Assert.Equal(["C-ONE:1"], await WombatAsync(limit: 10, max: 30));
        Assert.Equal(["C-ALL:3", "C-TWO:2"], await WombatAsync(limit: 10, min: 30, max: 70));
    }

    Task<List<string>> KiwiAsync(int limit) => CandidatesAsync(D, ["kiwi", "alpaca", "satin", "parka"], limit);

    [Fact]
    public async Task Candidates_relax_by_falling_coverage_three_of_four_terms_before_two()
    {
        await SeedAsync();
        Assert.Equal(["D-4:4"], await KiwiAsync(limit: 1));
        Assert.Equal(["D-4:4", "D-3A:3", "D-3B:3"], await KiwiAsync(limit: 2));            // the pairs tier is not needed
        Assert.Equal(["D-4:4", "D-3A:3", "D-3B:3", "D-2:2"], await KiwiAsync(limit: 4));  // then pairs, each row once
        Assert.Equal(["D-4:4", "D-3A:3", "D-3B:3", "D-2:2", "D-1:1"], await KiwiAsync(limit: 10));
    }

    static async Task<object?> Scalar(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, params object?[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a ?? DBNull.Value });
        return await cmd.ExecuteScalarAsync();
    }
}
