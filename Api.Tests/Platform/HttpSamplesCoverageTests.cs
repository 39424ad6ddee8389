using System.Text.RegularExpressions;

namespace Api.Tests.Platform;

/// <summary>
/// Every endpoint the reference documents list (<c>Api.Tests/Data/endpoints.tsv</c>, a copy of
/// <c>../shared/spec/endpoints.tsv</c>) is requested by at least one <c>.http</c> file under <c>http-samples/</c>, journeys
/// included. A request line's <c>{{variables}}</c> are the file's <c>@name = value</c> lines (so <c>{{base}}</c> brings the
/// module's base path); any other placeholder (a named response, <c>{{$timestamp}}</c>) is a value. A documented path
/// parameter matches any value; a literal segment only itself, and when several documented routes match a request (say
/// <c>/api/staff/customers/export-csv</c> and <c>/api/staff/customers/{customer_id}</c>) only the one with the fewest
/// parameters counts as requested. The query string is ignored.
/// </summary>
public sealed partial class HttpSamplesCoverageTests
{
    /// <summary>The base path each module is mounted at (README; the samples' <c>@base</c>).</summary>
    static readonly Dictionary<string, string> ModuleBase = new(StringComparer.Ordinal)
    {
        ["PriceWatch"] = "/pricewatch",
        ["Wholesale"] = "/wholesale",
        ["ShopperSearch"] = "/shopper",
        ["AdPriority"] = "/adpriority",
        ["BrandInsights"] = "/brand-insights",
    };

    sealed record Documented(string Module, string Method, string Path, string[] Segments);
    sealed record Sampled(string File, string Method, string[] Segments);

    [Fact]
    public void Every_documented_endpoint_is_requested_by_a_sample()
    {
        var root = MigrationTests.FindRepoRoot();
        var documented = ReadCatalog(Path.Combine(root, "Api.Tests", "Data", "endpoints.tsv"));
        Assert.Equal(359, documented.Count);   // the catalog's row count (../shared/spec/README.md)
        var unknown = documented.Select(d => d.Module).Distinct().Where(m => !ModuleBase.ContainsKey(m)).ToList();
        Assert.True(unknown.Count == 0, "no base path for module(s): " + string.Join(", ", unknown));

        var samples = ReadSamples(Path.Combine(root, "http-samples"));
        Assert.NotEmpty(samples);
        var covered = new HashSet<Documented>();
        foreach (var s in samples)
        {
            var matches = documented.Where(d => d.Method == s.Method && Matches(d.Segments, s.Segments)).ToList();
            if (matches.Count == 0) continue;
            var fewest = matches.Min(d => d.Segments.Count(IsParameter));
            covered.UnionWith(matches.Where(d => d.Segments.Count(IsParameter) == fewest));
        }
        var missing = documented.Where(d => !covered.Contains(d)).Select(d => $"{d.Module} {d.Method} {ModuleBase[d.Module]}{d.Path}").ToList();
        Assert.True(missing.Count == 0,
            $"{missing.Count} of {documented.Count} documented endpoints are requested by no .http file under http-samples/:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void The_catalog_copy_matches_the_shared_spec_when_it_is_reachable()
    {
        var root = MigrationTests.FindRepoRoot();
        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "spec", "endpoints.tsv"));
        if (!File.Exists(shared)) return;   // a clean clone has no ../shared: the copy is the reference
        Assert.True(File.ReadAllText(shared) == File.ReadAllText(Path.Combine(root, "Api.Tests", "Data", "endpoints.tsv")),
            $"Api.Tests/Data/endpoints.tsv differs from {shared}: copy it again (Api.Tests/Data/README.md)");
    }

    static List<Documented> ReadCatalog(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split('\t');
        int module = Array.IndexOf(header, "module"), method = Array.IndexOf(header, "method"), route = Array.IndexOf(header, "path");
        Assert.True(module >= 0 && method >= 0 && route >= 0, $"{path}: header without module, method and path columns");
        return lines.Skip(1).Select(l => l.Split('\t'))
            .Select(c => new Documented(c[module], c[method].ToUpperInvariant(), c[route], Segments(ModuleBase.GetValueOrDefault(c[module], "") + c[route])))
            .ToList();
    }

    static List<Sampled> ReadSamples(string dir)
    {
        var result = new List<Sampled>();
        foreach (var file in Directory.GetFiles(dir, "*.http", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            var vars = new Dictionary<string, string>();
            foreach (Match m in VariableLine().Matches(text)) vars[m.Groups[1].Value] = m.Groups[2].Value.Trim();
            foreach (Match m in RequestLine().Matches(text))
            {
                var url = m.Groups[2].Value;
                for (var i = 0; i < 3 && url.Contains("{{", StringComparison.Ordinal); i++)   // a variable may name another
                    url = Placeholder().Replace(url, p => vars.TryGetValue(p.Groups[1].Value, out var v) ? v : p.Value);
                url = SchemeAndHost().Replace(url, "");
                url = url.Split('?', '#')[0];
                result.Add(new Sampled(Path.GetRelativePath(dir, file), m.Groups[1].Value, Segments(url)));
            }
        }
        return result;
    }

    static string[] Segments(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
    static bool IsParameter(string segment) => segment.StartsWith('{') && segment.EndsWith('}') && !segment.StartsWith("{{", StringComparison.Ordinal);

    /// <summary>A documented parameter takes any value; a literal segment only itself (a sample's placeholder is a value, never a literal).</summary>
    static bool Matches(string[] documented, string[] sampled) =>
        documented.Length == sampled.Length
        && documented.Zip(sampled).All(p => IsParameter(p.First)
            || (!p.Second.Contains("{{", StringComparison.Ordinal) && string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase)));

    [GeneratedRegex(@"^@([A-Za-z_][\w-]*)\s*=\s*(.*)$", RegexOptions.Multiline)] private static partial Regex VariableLine();
    [GeneratedRegex(@"^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\S+)", RegexOptions.Multiline)] private static partial Regex RequestLine();
    [GeneratedRegex(@"\{\{\s*([\w.$-]+)\s*\}\}")] private static partial Regex Placeholder();
    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*")] private static partial Regex SchemeAndHost();
}
