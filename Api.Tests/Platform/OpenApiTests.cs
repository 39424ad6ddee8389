using System.Net;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Api.Infrastructure.Modules;
using Api.Tests.Infrastructure;

namespace Api.Tests.Platform;

public sealed partial class OpenApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Every_module_has_a_document_and_the_docs_ui_answers()
    {
        var client = api.CreateClient();
        var dump = Environment.GetEnvironmentVariable("OPENAPI_DUMP_DIR");   // set it to look at the documents
        foreach (var m in Modules.All)
        {
            var rsp = await client.GetAsync($"/openapi/{m.Key}.json");
            if (dump is { Length: > 0 }) await File.WriteAllTextAsync(Path.Combine(dump, $"{m.Key}.json"), await rsp.Content.ReadAsStringAsync());
            Assert.True(rsp.StatusCode == HttpStatusCode.OK, $"{m.Key}: {(int)rsp.StatusCode} {await rsp.Content.ReadAsStringAsync()}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/openapi/nope.json")).StatusCode);
        var docs = await client.GetAsync("/docs/");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("text/html", docs.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_platform_document_lists_each_slice_with_parameters_and_schemas()
    {
        var doc = await (await api.CreateClient().GetAsync("/openapi/platform.json")).Json();
        var paths = doc["paths"]!.AsObject();
        var setting = Assert.Single(paths, p => p.Key.Equals("/platform/v1/settings/{key}", StringComparison.OrdinalIgnoreCase)).Key;
        Assert.Single(paths, p => p.Key.Replace("_", "").Equals("/platform/v1/jobs/{jobid}", StringComparison.OrdinalIgnoreCase));

        var get = paths[setting]!["get"]!;
        Assert.Null(get["requestBody"]);
        var key = setting.Split('{', '}')[1];
        Assert.Contains(get["parameters"]!.AsArray(), p => (string?)p!["name"] == key && (string?)p["in"] == "path");
        Assert.NotNull(get["responses"]!["404"] ?? get["responses"]!["401"]);
        Assert.Equal("#/components/schemas/PlatformErrorEnvelope",
            (string?)get["responses"]!["401"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]);
        Assert.Contains(get["security"]!.AsArray(), r => r!["PlatformJwt"] is not null);
        Assert.Equal("http", (string?)doc["components"]!["securitySchemes"]!["PlatformJwt"]!["type"]);

        var list = paths["/platform/v1/settings"]!["get"]!;
        Assert.Contains(list["parameters"]!.AsArray(), p => (string?)p!["name"] == "limit" && (string?)p["in"] == "query");

        var schemas = doc["components"]!["schemas"]!.AsObject();
        Assert.Contains("PlatformSettingsGetSettingResponse", schemas.Select(s => s.Key));
        Assert.Contains("PlatformSettingsPutSettingResponse", schemas.Select(s => s.Key));
        var props = schemas["PlatformSettingsGetSettingResponse"]!["properties"]!.AsObject();
        Assert.Contains("updated_at", props.Select(p => p.Key));   // the module's snake_case, as on the wire
        Assert.DoesNotContain(schemas, s => s.Key.Contains("ProblemDetails"));   // errors are in the module's envelope
    }

    [Fact]
    public async Task Each_module_names_its_json_as_on_the_wire()
    {
        var client = api.CreateClient();
        foreach (var m in Modules.All)
        {
            var doc = await (await client.GetAsync($"/openapi/{m.Key}.json")).Json();
            var names = doc["components"]!["schemas"]!.AsObject()
                .Where(s => s.Key.StartsWith(m.Namespace, StringComparison.Ordinal) && !s.Key.EndsWith("ErrorEnvelope", StringComparison.Ordinal))
                .SelectMany(s => s.Value!["properties"]?.AsObject().Select(p => p.Key) ?? []).ToList();
            Assert.NotEmpty(names);
            var expected = m.Json.PropertyNamingPolicy!;
            var off = names.Where(n => expected.ConvertName(n) != n && !ExplicitNames.Contains(n)).Distinct().ToList();
            Assert.True(off.Count == 0, $"{m.Key}: {string.Join(", ", off.Take(20))}");
        }
    }

    /// <summary>
    /// Issue 20: every module document against the spec's endpoint list (<c>Api.Tests/Data/endpoints.tsv</c>, a copy of
    /// <c>shared/spec/endpoints.tsv</c>): each documented route and method once (under the module's base path, path
    /// parameter names aside), every path parameter declared, no body on GET or DELETE, error responses in the module's
    /// envelope (the spec's documented statuses among them), request examples, and unique schema and operation names.
    /// </summary>
    [Fact]
    public async Task Every_module_document_matches_the_spec_endpoint_list()
    {
        var client = api.CreateClient();
        var problems = new List<string>();
        var spec = SpecRows();
        Assert.True(spec.Count > 300, $"only {spec.Count} spec rows");
        foreach (var module in Modules.All)
        {
            var doc = (await (await client.GetAsync($"/openapi/{module.Key}.json")).Json()).AsObject();
            var ops = Operations(doc).ToList();
            var envelopeRef = $"#/components/schemas/{module.Namespace}ErrorEnvelope";

            // the spec's routes, each present once
            foreach (var row in spec.Where(r => r.Module == module.Namespace))
            {
                var want = Normalize(module.BasePath + row.Path);
                var found = ops.Count(o => o.Method == row.Method && Normalize(o.Path) == want);
                if (found != 1) problems.Add($"{module.Key}: {row.Method} {row.Path} documented {found} times");
                else
                {
                    var op = ops.Single(o => o.Method == row.Method && Normalize(o.Path) == want);
                    foreach (var status in row.ErrorStatuses.Where(s => op.Node["responses"]?[s] is null))
                        problems.Add($"{module.Key}: {row.Method} {row.Path} lacks the documented {status}");
                }
            }

            foreach (var op in ops)
            {
                var where = $"{module.Key}: {op.Method} {op.Path}";
                var parameters = op.Node["parameters"] as JsonArray ?? [];
                foreach (Match m in RouteParam().Matches(op.Path))
                    if (!parameters.Any(p => (string?)p!["in"] == "path" && (string?)p["name"] == m.Groups[1].Value && (bool?)p["required"] == true))
                        problems.Add($"{where}: path parameter {m.Groups[1].Value} not declared");
                foreach (var p in parameters.Where(p => (string?)p!["in"] == "path"))
                    if (!op.Path.Contains($"{{{(string?)p!["name"]}}}", StringComparison.Ordinal))
                        problems.Add($"{where}: path parameter {(string?)p!["name"]} is not in the path");
                if (op.Method is "GET" or "DELETE" && op.Node["requestBody"] is not null) problems.Add($"{where}: has a request body");
                if (op.Node["requestBody"]?["content"] is JsonObject content)
                    foreach (var (type, media) in content.Where(c => c.Key.Contains("json")))
                        if (media?["example"] is null && media?["examples"] is null) problems.Add($"{where}: no example for {type}");

                var responses = op.Node["responses"]?.AsObject() ?? [];
                var errors = responses.Where(r => int.TryParse(r.Key, out var s) && s >= 400).ToList();
                if (errors.Count == 0) problems.Add($"{where}: no error responses");
                var secured = op.Node["security"] is JsonArray { Count: > 0 };
                foreach (var (status, rsp) in errors.Where(e => e.Value?["content"] is null && secured))
                    problems.Add($"{where}: {status} has no body schema");   // only an anonymous slice's own bare check may
                if (!errors.Any(r => r.Value?["content"]?[module.Envelope.ContentType]?["schema"]?["$ref"]?.GetValue<string>() == envelopeRef))
                    problems.Add($"{where}: no error response in the {module.Key} envelope");
                foreach (var (status, rsp) in errors)
                    if (rsp?["content"] is JsonObject c && c.Any(x => x.Key.Contains("problem+json")) && module.Envelope.ContentType != "application/problem+json")
                        problems.Add($"{where}: {status} is problem details, not the {module.Key} envelope");
            }

            var operationIds = ops.Select(o => (string?)o.Node["operationId"]).Where(id => id is not null).ToList();
            foreach (var dup in operationIds.GroupBy(id => id).Where(g => g.Count() > 1)) problems.Add($"{module.Key}: operationId {dup.Key} repeated");
            var routes = ops.GroupBy(o => (o.Method, Normalize(o.Path))).Where(g => g.Count() > 1);
            foreach (var dup in routes) problems.Add($"{module.Key}: {dup.Key.Method} {dup.Key.Item2} documented {dup.Count()} times");

            // schema ids come from the slice namespace; a numbered twin ("Response2") means two types fought over one name
            var schemaNames = (doc["components"]?["schemas"] as JsonObject ?? []).Select(s => s.Key).ToHashSet();
            foreach (var name in schemaNames)
                if (Numbered().Match(name) is { Success: true } n && schemaNames.Contains(n.Groups[1].Value))
                    problems.Add($"{module.Key}: schema {name} collides with {n.Groups[1].Value}");
            if (!schemaNames.Contains($"{module.Namespace}ErrorEnvelope")) problems.Add($"{module.Key}: no envelope schema");
            foreach (var scheme in ops.SelectMany(o => o.Node["security"] as JsonArray ?? []).SelectMany(r => r!.AsObject().Select(x => x.Key)).Distinct())
                if (doc["components"]?["securitySchemes"]?[scheme] is null) problems.Add($"{module.Key}: security scheme {scheme} not defined");
        }
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join('\n', problems.Take(150)));
    }

    sealed record Operation(string Method, string Path, JsonNode Node);
    sealed record SpecRow(string Module, string Method, string Path, string[] ErrorStatuses);

    static IEnumerable<Operation> Operations(JsonObject doc)
    {
        foreach (var (path, item) in doc["paths"]?.AsObject() ?? [])
            foreach (var (method, node) in item!.AsObject())
                if (method is "get" or "post" or "put" or "delete" or "patch" or "head")
                    yield return new Operation(method.ToUpperInvariant(), path, node!);
    }

    static string Normalize(string path) => RouteParam().Replace(path.TrimEnd('/'), "{}").ToLowerInvariant() is { Length: > 0 } p ? p : "/";

    /// <summary>The spec's endpoint list: <c>Api.Tests/Data/endpoints.tsv</c>, found by walking up from the test binaries.</summary>
    static List<SpecRow> SpecRows()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Api.Tests", "Data", "endpoints.tsv"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var lines = File.ReadAllLines(Path.Combine(dir.FullName, "Api.Tests", "Data", "endpoints.tsv"));
        var header = lines[0].Split('\t');
        int Col(string name) => Array.IndexOf(header, name);
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(c => new SpecRow(
            c[Col("module")], c[Col("method")].ToUpperInvariant(), c[Col("path")].Split('?')[0],
            Statuses().Matches(c[Col("documented_errors")]).Select(m => m.Value).Distinct().ToArray())).ToList();
    }

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex RouteParam();

    // "401 AUTH_REQUIRED; 404 BRAND_NOT_FOUND" -> 401, 404 (a status opens the entry)
    [GeneratedRegex(@"(?<=^|;\s*)[45]\d\d\b")]
    private static partial Regex Statuses();

    // a name given with [JsonPropertyName] ("SMTP_HOST", "userPrefsNotPresent") is the documented wire name on purpose
    static readonly HashSet<string> ExplicitNames = typeof(Modules).Assembly.GetTypes()
        .SelectMany(t => t.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance))
        .Select(p => p.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonPropertyNameAttribute), true).FirstOrDefault())
        .OfType<System.Text.Json.Serialization.JsonPropertyNameAttribute>().Select(a => a.Name).ToHashSet();

    [GeneratedRegex(@"^(.*\D)\d+$")]
    private static partial Regex Numbered();
}
