using System.Collections.Concurrent;
using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.ShopperSearch.Common;

/// <summary>
/// Model numbers and SKUs of one merchant's searchable products at one catalog version, in identifier form
/// (<see cref="QueryIntent.IdentifierForm"/>: lower case, letters and digits only), so <c>kx-tga670b</c>, <c>KX TGA670B</c> and
/// <c>kxtga670b</c> all find the product named "KX-TGA670B". Compared whole: <c>pn50a650</c> never finds <c>PN63A650</c>.
/// <see cref="Own"/>: the product's own identifiers (name before "for …", product id); <see cref="Fits"/>: identifiers an accessory
/// names as the device it fits ("Battery for Canon SD1100 IS").
/// </summary>
sealed class IdentifierIndex
{
    public long Version { get; }
    public Dictionary<string, List<long>> Own { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<long>> Fits { get; } = new(StringComparer.Ordinal);

    public IdentifierIndex(long version, IEnumerable<(long Id, string? Name, string? Sku)> rows)
    {
        Version = version;
        var own = new HashSet<string>(StringComparer.Ordinal);
        var fits = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, name, sku) in rows)
        {
            own.Clear(); fits.Clear();
            QueryIntent.ProductIdentifiers(name, sku, own, fits);
            foreach (var k in own) Add(Own, k, id);
            foreach (var k in fits) if (!own.Contains(k)) Add(Fits, k, id);
        }
    }

    static void Add(Dictionary<string, List<long>> map, string key, long id)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(id);
    }

    /// <summary>Products whose own identifier is one of <paramref name="ids"/>, and products that name one as a device they fit.</summary>
    public (HashSet<long> Own, HashSet<long> Fits) Find(IEnumerable<string> ids)
    {
        var (own, fits) = (new HashSet<long>(), new HashSet<long>());
        foreach (var id in ids)
        {
            if (Own.TryGetValue(id, out var o)) own.UnionWith(o);
            if (Fits.TryGetValue(id, out var f)) fits.UnionWith(f);
        }
        fits.ExceptWith(own);
        return (own, fits);
    }
}

/// <summary>
/// Each merchant's <see cref="IdentifierIndex"/> for the catalog version a search read. Built on the first search holding an
/// identifier-like token (most queries hold none and never build it), from the names and product ids of the merchant's active,
/// displayed products under its tenant setting; the latest version is kept per merchant. About 30 ms per 10,000 products.
/// </summary>
sealed class IdentifierIndexes
{
    const string RowsSql = """
        select id as "Id", product_name as "Name", product_id as "Sku" from shopper.products
        where merchant_id = @Merchant and status = 'active' and display_flag
        """;

    readonly ConcurrentDictionary<long, IdentifierIndex> _byMerchant = new();

    public async Task<IdentifierIndex> GetAsync(DataConnection db, long merchant, long version, CancellationToken ct)
    {
        if (_byMerchant.TryGetValue(merchant, out var ready) && ready.Version == version) return ready;
        var rows = await db.QueryToListAsync<Row>(RowsSql, new { Merchant = merchant }, ct);
        var index = new IdentifierIndex(version, rows.Select(r => (r.Id, r.Name, r.Sku)));
        _byMerchant.AddOrUpdate(merchant, index, (_, old) => old.Version > version ? old : index);
        return index;
    }

    sealed class Row { public long Id { get; init; } public string? Name { get; init; } public string? Sku { get; init; } }
}
