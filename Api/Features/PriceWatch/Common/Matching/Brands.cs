using System.Text.RegularExpressions;

namespace Api.Features.PriceWatch.Common.Matching;

/// <summary>
/// Brand names learned from the catalogs (issue 19 §3): every <c>vendor</c> value of the tenant's own products and of the
/// competitor products, plus the profile's specialty brands and their aliases. A product's brand is its vendor field when it has
/// one, else the longest learned brand whose words appear in a row in its name ("Hearth &amp; Co Ceramic Mug" → "hearth co",
/// "Cordless Handset - Panasonic kx-tga670b" → "panasonic"). Brands are keys of lower-case alphanumeric words, so
/// "Hearth &amp; Co" and "hearth co" are the same brand, and a profile alias maps to its brand's key.
/// Nothing is learned from the labelled data: the lexicon is whatever the two catalogs' vendor fields say.
/// </summary>
sealed partial class Brands
{
    /// <summary>word sequence (space-joined key) → brand key; longest first when matching.</summary>
    readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> _lengths = new(StringComparer.Ordinal);   // first word → longest alias length starting there
    public static readonly Brands None = new([], MatchProfile.Default);

    public Brands(IEnumerable<string?> vendors, MatchProfile profile)
    {
        foreach (var (alias, brand) in profile.Brands) Add(Key(alias), Key(brand));
        foreach (var v in vendors) if (Key(v) is { Length: > 0 } k) Add(k, k);
    }

    public int Count => _aliases.Count;

    void Add(string alias, string brand)
    {
        if (alias.Length == 0 || brand.Length == 0 || IsWeak(alias)) return;
        _aliases.TryAdd(alias, brand);
        var words = alias.Split(' ');
        _lengths[words[0]] = Math.Max(_lengths.GetValueOrDefault(words[0]), words.Length);
    }

    /// <summary>Too short or purely numeric to be found in a name without false hits ("3m" stays: letters and digits).</summary>
    static bool IsWeak(string alias) => alias.Length < 2 || alias.All(c => char.IsAsciiDigit(c) || c == ' ');

    /// <summary>Lower-case alphanumeric words joined by one space ("Hearth &amp; Co" → "hearth co"); empty when none.</summary>
    public static string Key(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "" : string.Join(' ', Word().Matches(text.ToLowerInvariant()).Select(m => m.Value));

    /// <summary>The product's brand key: its vendor when set, else the longest learned brand in its name; null when neither.</summary>
    public string? Of(string name, string? vendor)
    {
        if (Key(vendor) is { Length: > 0 } v && !IsWeak(v)) return _aliases.GetValueOrDefault(v, v);
        return InName(name);
    }

    /// <summary>The longest learned brand (or alias) whose words appear in a row in <paramref name="name"/>, earliest first.</summary>
    public string? InName(string name)
    {
        if (_aliases.Count == 0) return null;
        var words = Word().Matches(name.ToLowerInvariant()).Select(m => m.Value).ToArray();
        for (var i = 0; i < words.Length; i++)
        {
            if (!_lengths.TryGetValue(words[i], out var longest)) continue;
            for (var n = Math.Min(longest, words.Length - i); n >= 1; n--)
                if (_aliases.TryGetValue(string.Join(' ', words, i, n), out var brand)) return brand;
        }
        return null;
    }

    /// <summary>
    /// Vendor values of <paramref name="catalog"/> that name the shop rather than a brand: one value on at least 80 % of a
    /// catalog of 10 or more products (a Shopify store often puts its own name in every product's vendor field) that the
    /// other side never uses, neither as a vendor nor in a product name. Read as brands they would conflict with every
    /// branded product of the other side and block all of that catalog's matches. A real one-brand store whose brand the
    /// other side also carries keeps it ("Panasonic" on every listing still conflicts with "Sony").
    /// </summary>
    public static HashSet<string> StoreLabels(IReadOnlyCollection<(string Name, string? Vendor)> catalog,
        IReadOnlyCollection<(string Name, string? Vendor)> other)
    {
        var labels = new HashSet<string>(StringComparer.Ordinal);
        if (catalog.Count < 10) return labels;
        foreach (var g in catalog.Select(c => Key(c.Vendor)).Where(k => k.Length > 0).GroupBy(k => k, StringComparer.Ordinal))
        {
            if (g.Count() < 0.8 * catalog.Count || IsWeak(g.Key)) continue;
            var alone = new Brands([g.Key], MatchProfile.Default);
            if (other.Any(o => Key(o.Vendor) == g.Key || alone.InName(o.Name) is not null)) continue;
            labels.Add(g.Key);
        }
        return labels;
    }

    /// <summary>The vendor unless it is one of <paramref name="labels"/> (a shop's own name, see <see cref="StoreLabels"/>).</summary>
    public static string? BrandVendor(string? vendor, HashSet<string> labels) =>
        labels.Count > 0 && labels.Contains(Key(vendor)) ? null : vendor;

    /// <summary>Both sides name a brand and they differ (one side without a brand is no evidence either way).</summary>
    public static bool Conflict(string? a, string? b) => a is not null && b is not null && a != b;

    [GeneratedRegex("[a-z0-9]+")] private static partial Regex Word();
}
