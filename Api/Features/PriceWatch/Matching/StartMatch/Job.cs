using Api.Features.PriceWatch.Common;
using Api.Features.PriceWatch.Common.Matching;
using Api.Infrastructure.Database;
using Api.Infrastructure.Jobs;
using Api.Infrastructure.Tenancy;
using LinqToDB.Data;

namespace Api.Features.PriceWatch.Matching.StartMatch;

/// <summary>
/// The matching run, replacing the tenant's previous matches: every accepted candidate per own product and competitor
/// (<see cref="MatchDecision.AcceptedAsync"/>), then the one-to-one <see cref="Assignment"/> (at most one listing per own product
/// and competitor; each listing to at most one own product unless the profile allows many-to-one).
/// </summary>
sealed class Job(AppDb db, TenantContext tenantContext, ProfileCache profiles, IMatchVerifier verifier, ILogger<Job> log) : IJobHandler
{
    public sealed record Args(string Method);
    public sealed record Payload(Guid SessionId, Args Args);
    public const string Fuzzy = "fuzzy token-set matcher with candidate blocking (local)";

    public async Task<object?> RunAsync(JobRun job, CancellationToken ct)
    {
        var payload = job.PayloadAs<Payload>();
        var tenant = Guid.Parse(tenantContext.Id!);
        string? error = null;
        var found = 0;
        try { found = await MatchAsync(tenant, payload.SessionId, payload.Args.Method, ct); }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            error = $"{e.GetType().Name}: {e.Message}";
            log.LogWarning(e, "Matching session {Session} failed", payload.SessionId);
        }
        finally
        {
            await MatchingSessions.FinishAsync(db, tenant, payload.SessionId, error, payload.Args.Method == "fuzzy" ? Fuzzy : $"{Fuzzy} + {verifier.Engine}",
                // ai/hybrid always say which verifier judged (the local one when no model is configured)
                payload.Args.Method == "fuzzy" ? null : verifier.Note ?? $"{payload.Args.Method} matching: candidates judged by the {verifier.Engine}");
        }
        return new { session_id = payload.SessionId, matches_found = found };
    }

    async Task<int> MatchAsync(Guid tenant, Guid session, string method, CancellationToken ct)
    {
        MatchProfile profile;
        List<Row> own, theirs;
        await using (var tx = await PwTx.BeginTenantAsync(db, tenant, ct))
        {
            profile = await profiles.GetAsync(db, tenant, ct);
            own = await db.QueryToListAsync<Row>(Products.OwnSql, new { T = tenant }, ct);
            theirs = await db.QueryToListAsync<Row>(Products.TheirsSql, new { T = tenant }, ct);
            await tx.CommitAsync(ct);
        }
        await MatchingSessions.UpdateAsync(db, tenant, session, "update pricewatch.matching_sessions set total_products = @N where id = @S",
            new { N = own.Count, S = session }, ct);

        // a vendor value that only names the shop (ours or one competitor's) is no brand: dropped before brands are learned
        var ownCatalog = own.Select(r => (r.Name, r.Vendor)).ToList();
        var ownLabels = Brands.StoreLabels(ownCatalog, theirs.Select(r => (r.Name, r.Vendor)).ToList());
        var theirLabels = theirs.GroupBy(r => r.CompetitorId)
            .ToDictionary(g => g.Key, g => Brands.StoreLabels(g.Select(r => (r.Name, r.Vendor)).ToList(), ownCatalog));
        var ownItems = own.Select(o => new Item(o.Id, o.Name, o.Price, default, Brands.BrandVendor(o.Vendor, ownLabels), o.SourceId)).ToArray();
        var theirItems = theirs.Select(r => new Item(r.Id, r.Name, r.Price, r.CompetitorId, Brands.BrandVendor(r.Vendor, theirLabels[r.CompetitorId]), r.SourceId)).ToArray();
        // brands learned from both catalogs' vendor fields (plus the profile's), so a name's brand is found even without a vendor
        var brands = new Brands(ownItems.Select(r => r.Vendor).Concat(theirItems.Select(r => r.Vendor)), profile);
        var matcher = new FuzzyMatcher(profile, theirItems, brands: brands, ownProducts: ownItems);   // IDF over both catalogs
        var edges = new List<Assignment.Edge>();
        var accepted = 0;
        // candidates are pure CPU work over a read-only index: computed on every core, 200 products at a time; the decisions
        // (which may call the verifier) and progress writes follow in order
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct };
        for (var start = 0; start < own.Count; start += 200)
        {
            var chunk = ownItems.Skip(start).Take(200).ToArray();
            var candidates = new List<Candidate>[chunk.Length];
            Parallel.For(0, chunk.Length, parallel, k => candidates[k] = matcher.Candidates(chunk[k], take: 15));
            for (var k = 0; k < chunk.Length; k++)
                foreach (var group in candidates[k].GroupBy(c => c.Product.CompetitorId))
                {
                    var these = await MatchDecision.AcceptedAsync(matcher, chunk[k], group.ToList(), method, profile, verifier, ct);
                    if (these.Count > 0) accepted++;
                    edges.AddRange(these.Select(c => new Assignment.Edge(chunk[k], c)));
                }
            if (start + chunk.Length < own.Count)
                await MatchingSessions.UpdateAsync(db, tenant, session, "update pricewatch.matching_sessions set processed = @N, matches_found = @M where id = @S",
                    new { N = start + chunk.Length, M = accepted, S = session }, ct);
        }
        // each competitor product to at most one own product (unless the profile allows many-to-one), each own product to at most
        // one listing per competitor
        var matches = Assignment.Greedy(edges, profile.AllowManyToOne)
            .Select(e => (Own: e.Own.Id, Product: e.Match.Product.Id, Competitor: e.Match.Product.CompetitorId, e.Match.Confidence)).ToList();

        await using (var tx = await PwTx.BeginTenantAsync(db, tenant, ct))
        {
            await db.ExecuteAsync("delete from pricewatch.product_matches where tenant_id = @T", new { T = tenant }, ct);
            foreach (var chunk in matches.Chunk(2000))
                await db.ExecuteAsync("""
                    insert into pricewatch.product_matches (tenant_id, brand_product_id, product_tracking_id, competitor_id, confidence, method, session_id)
                    select @T, o, p, c, round(conf::numeric, 2), @Method, @S
                      from unnest(cast(@Own as uuid[]), cast(@Prod as uuid[]), cast(@Comp as uuid[]), cast(@Conf as float8[])) as u(o, p, c, conf)
                    """, new
                {
                    T = tenant, Method = method, S = session, Own = chunk.Select(m => m.Own).ToArray(), Prod = chunk.Select(m => m.Product).ToArray(),
                    Comp = chunk.Select(m => m.Competitor).ToArray(), Conf = chunk.Select(m => m.Confidence).ToArray(),
                }, ct);
            await db.ExecuteAsync("update pricewatch.matching_sessions set processed = @N, matches_found = @M where id = @S",
                new { N = own.Count, M = matches.Count, S = session }, ct);
            await tx.CommitAsync(ct);
        }
        return matches.Count;
    }

    sealed class Row
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public decimal? Price { get; init; }
        public Guid CompetitorId { get; init; }
        public string? Vendor { get; init; }
        public string? SourceId { get; init; }
    }
}

/// <summary>The two product lists every matcher reads.</summary>
static class Products
{
    public const string OwnSql = """
        select id as "Id", trim(title || ' ' || coalesce(variant_title, '')) as "Name", price as "Price", vendor as "Vendor",
               shopify_variant_id as "SourceId"
          from pricewatch.brand_products where tenant_id = @T order by id
        """;
    public const string TheirsSql = """
        select id as "Id", product_name as "Name", price as "Price", competitor_id as "CompetitorId", vendor as "Vendor",
               external_id as "SourceId"
          from pricewatch.product_tracking where tenant_id = @T order by id
        """;
}
