using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics.Tensors;
using Api.Infrastructure.Database;
using Api.Infrastructure.Jobs;
using Api.Infrastructure.Tenancy;
using LinqToDB.Data;

namespace Api.Features.ShopperSearch.Common;

/// <summary>
/// Exact nearest-neighbour search over one merchant's searchable products (active and displayed) at one catalog version and
/// one embedding model: the vectors in one contiguous <c>float[]</c> (row-major, <see cref="Dimensions"/> per product) and a dot
/// product per product with <see cref="TensorPrimitives.Dot{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/> (SIMD), the best
/// <c>k</c> kept in a small heap. Vectors are L2-normalised, so the dot product is the cosine.
/// Memory: 4 × 384 bytes per product for all-MiniLM-L6-v2 plus its id, about 155 MB per 100,000 products; a scan of 100,000
/// products is 38.4 M multiply-adds (a few milliseconds on one core).
/// </summary>
sealed class VectorIndex
{
    readonly long[] _ids;
    readonly float[] _vectors;

    public long Version { get; }
    public string Model { get; }
    public int Dimensions { get; }
    public int Count => _ids.Length;
    public long Bytes => _vectors.LongLength * sizeof(float) + _ids.LongLength * sizeof(long);

    VectorIndex(long version, string model, int dimensions, long[] ids, float[] vectors)
    {
        Version = version; Model = model; Dimensions = dimensions; _ids = ids; _vectors = vectors;
    }

    public static VectorIndex Empty(long version, string model) => new(version, model, 0, [], []);

    /// <summary>Builds from (id, vector) rows; vectors of another length than the first are skipped.</summary>
    public static VectorIndex Build(long version, string model, IEnumerable<(long Id, float[] Vector)> rows)
    {
        var ids = new List<long>();
        var data = new List<float[]>();
        var dims = 0;
        foreach (var (id, v) in rows)
        {
            if (v.Length == 0) continue;
            if (dims == 0) dims = v.Length;
            if (v.Length != dims) continue;
            ids.Add(id); data.Add(v);
        }
        var flat = new float[(long)ids.Count * dims];
        for (var i = 0; i < data.Count; i++) data[i].CopyTo(flat, (long)i * dims);
        return new VectorIndex(version, model, dims, [.. ids], flat);
    }

    /// <summary>The <paramref name="k"/> products nearest to <paramref name="query"/> with a cosine of at least <paramref name="minScore"/>, best first (ties: lower id).</summary>
    public List<(long Id, float Score)> Nearest(ReadOnlySpan<float> query, int k, float minScore)
    {
        var result = new List<(long, float)>();
        if (Count == 0 || query.Length != Dimensions || k <= 0) return result;
        var heap = new PriorityQueue<int, (float Score, long NegId)>(k + 1);   // min-heap: the worst kept is on top
        var vectors = _vectors.AsSpan();
        for (var i = 0; i < _ids.Length; i++)
        {
            var score = TensorPrimitives.Dot(query, vectors.Slice(i * Dimensions, Dimensions));
            if (score < minScore) continue;
            var key = (score, -_ids[i]);
            if (heap.Count < k) heap.Enqueue(i, key);
            else if (heap.TryPeek(out _, out var worst) && key.CompareTo(worst) > 0) heap.EnqueueDequeue(i, key);
        }
        while (heap.TryDequeue(out var i, out var key)) result.Add((_ids[i], key.Score));
        result.Reverse();
        return result;
    }
}

/// <summary>
/// Each merchant's <see cref="VectorIndex"/> for its current catalog version and the current embedding model, built in the
/// background like <see cref="TermIndexes"/> (see <see cref="GetAsync"/> for what a search uses meanwhile). A build
/// that finds products without a vector of the current model enqueues the re-embed job (<c>shopper.reembed</c>), once per
/// merchant until that job ends; the job bumps the catalog version, which rebuilds this index.
/// </summary>
sealed class VectorIndexes(IServiceScopeFactory scopes, ILogger<VectorIndexes> log)
{
    const string RowsSql = """
        select id as "Id", text_embedding as "Vector" from shopper.products
        where merchant_id = @Merchant and status = 'active' and display_flag and text_embedding is not null and text_embedding_model = @Model
        """;
    const string StaleSql = """
        select count(*) from shopper.products
        where merchant_id = @Merchant and enriched_at is not null and (text_embedding is null or text_embedding_model is distinct from @Model)
        """;

    sealed class Slot { public volatile VectorIndex? Ready; public (long, string)? Building; public Task? Task; }
    readonly ConcurrentDictionary<long, Slot> _slots = new();
    readonly ConcurrentDictionary<long, string> _reembedding = new();

    /// <summary>How long a search waits for a merchant's first index of the current model (later builds never make it wait).</summary>
    public static readonly TimeSpan FirstBuildWait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The index for <paramref name="model"/>: the one at <paramref name="version"/>, or while that one is built the previous
    /// version's (its candidates are checked again in SQL, so a product since removed is not shown; one since added is only
    /// missing from the vector candidates for that moment). With none yet, the search waits up to <see cref="FirstBuildWait"/>.
    /// </summary>
    public async Task<VectorIndex?> GetAsync(long merchant, long version, string model)
    {
        var slot = _slots.GetOrAdd(merchant, _ => new Slot());
        if (slot.Ready is { } ready && ready.Version == version && ready.Model == model) return ready.Count > 0 ? ready : null;
        Task building;
        lock (slot)
        {
            if (slot.Building != (version, model) || slot.Task is null)
            {
                slot.Building = (version, model);
                using (ExecutionContext.SuppressFlow())   // the build outlives the request: none of its context goes along
                    slot.Task = Task.Run(() => BuildAsync(merchant, version, model, slot));
            }
            building = slot.Task;
        }
        if (slot.Ready is not { } previous || previous.Model != model)
        {
            await Task.WhenAny(building, Task.Delay(FirstBuildWait));
            previous = slot.Ready;
        }
        return previous is { Count: > 0 } && previous.Model == model ? previous : null;
    }

    /// <summary>Builds now and waits (tests, the bench).</summary>
    public async Task<VectorIndex?> BuildNowAsync(long merchant, long version, string model)
    {
        var slot = _slots.GetOrAdd(merchant, _ => new Slot());
        await BuildAsync(merchant, version, model, slot);
        return slot.Ready;
    }

    public void ReembedFinished(long merchant) => _reembedding.TryRemove(merchant, out _);

    async Task BuildAsync(long merchant, long version, string model, Slot slot)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var tenant = merchant.ToString(CultureInfo.InvariantCulture);
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            await using var tx = await db.BeginTenantAsync();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var rows = await db.QueryToListAsync<Row>(RowsSql, new { Merchant = merchant, Model = model }, CancellationToken.None);
            var index = VectorIndex.Build(version, model, rows.Where(r => r.Vector is not null).Select(r => (r.Id, r.Vector!)));
            var stale = await db.ExecuteAsync<long>(StaleSql, new { Merchant = merchant, Model = model }, CancellationToken.None);
            if (stale > 0 && _reembedding.TryAdd(merchant, model))
            {
                await JobQueue.EnqueueAsync(db, Api.Features.ShopperSearch.Pipeline.Reembed.Job.Type, new Api.Features.ShopperSearch.Pipeline.Reembed.Job.Payload(merchant, model), tenant, maxAttempts: 3);
                log.LogInformation("Merchant {Merchant}: {Stale} products have no {Model} vector; re-embedding in the background", merchant, stale, model);
            }
            await tx.CommitAsync();
            if (index.Count > 0)
                log.LogInformation("Vector index of merchant {Merchant} at catalog version {Version}: {Count} products, {MB:F1} MB in {Ms} ms",
                    merchant, version, index.Count, index.Bytes / 1e6, watch.ElapsedMilliseconds);
            lock (slot)
            {
                if (slot.Ready is null || slot.Ready.Version <= version || slot.Ready.Model != model) slot.Ready = index;
            }
        }
        catch (Exception e)
        {
            _reembedding.TryRemove(merchant, out _);
            log.LogWarning(e, "Building the vector index of merchant {Merchant} failed; its searches run without vector candidates", merchant);
        }
        finally
        {
            lock (slot) { if (slot.Building == (version, model)) { slot.Building = null; slot.Task = null; } }
        }
    }

    sealed class Row { public long Id { get; init; } public float[]? Vector { get; init; } }
}
