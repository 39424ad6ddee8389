using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Api.Infrastructure.Auth;
using Api.Tests.Features.PriceWatch;
using Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Api.Tests.Platform;

/// <summary>The fuzz host: every module's secrets known, no background jobs (fuzzed URLs and syncs are never fetched).</summary>
public sealed class FuzzFactory : PriceWatchFactory
{
    protected override IDictionary<string, string?> More => new Dictionary<string, string?>
    {
        [BrandInsightsAuth.SigningKeySetting] = ClaimsFactory.BrandKey,
        [AdPriorityAuth.ApiSecretSetting] = ClaimsFactory.ShopifySecret,
        [AdPriorityAuth.ApiKeySetting] = ClaimsFactory.ShopifyKey,
        ["ShopperSearch:Cors:AllowedOrigins:0"] = "https://shop.example.com",
        ["Jobs:Enabled"] = "false",
        ["RateLimits:platform:PermitLimit"] = "100000",
    };
}

/// <summary>
/// Issue 17 §3: a seeded generator of malformed requests over every operation of every module's OpenAPI document
/// (<c>/openapi/&lt;module&gt;.json</c>): junk path and query values (NUL, lone surrogates, huge numbers, dates out of range,
/// very long strings), broken or hostile JSON bodies (wrong types, NUL, lone surrogates, numbers jsonb refuses, deep nesting,
/// conflicting path fields), odd content types and charsets, with and without valid credentials. Asserts no 500 and the
/// module's envelope on every error; prints the figures.
/// </summary>
public sealed class FuzzTests(FuzzFactory api, ITestOutputHelper output) : IClassFixture<FuzzFactory>
{
    const int Seed = 17;
    const int TargetRequests = 3000;
    static readonly string[] Documents = ["pricewatch", "wholesale", "shopper", "adpriority", "brand-insights", "platform"];

    sealed record Operation(string Module, string Method, string Path, List<(string Name, string In)> Parameters, List<string> BodyFields, string? BodyType);

    [Fact]
    public async Task Malformed_requests_over_every_documented_route_never_give_a_500_and_always_the_envelope()
    {
        var ops = new List<Operation>();
        foreach (var doc in Documents)
        {
            var rsp = await api.CreateClient().GetAsync($"/openapi/{doc}.json");
            if (!rsp.IsSuccessStatusCode) continue;
            ops.AddRange(Operations(doc, (await rsp.Json()).AsObject()).Where(o => !o.Path.Contains("/test-only/")));   // test fakes that fail on purpose
        }
        Assert.True(ops.Count > 50, $"only {ops.Count} operations found");

        var creds = await CredentialsAsync();
        var rng = new Random(Seed);
        var perOp = (int)Math.Ceiling(TargetRequests / (double)ops.Count);
        int requests = 0, fiveHundreds = 0, other5xx = 0, nonEnvelope = 0;
        var failures = new List<string>();
        var others = new SortedSet<string>();
        var clock = Stopwatch.StartNew();
        // redirects are answers (verify-email sends the browser to the frontend): not followed, or a frontend path on the
        // test server would be judged as this API's response
        using var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.Timeout = TimeSpan.FromSeconds(20);

        foreach (var op in ops)
            for (var i = 0; i < perOp; i++)
            {
                var (req, summary) = Build(op, rng, creds);
                HttpResponseMessage rsp;
                try { rsp = await client.SendAsync(req); }
                catch (Exception e) when (e is TaskCanceledException or HttpRequestException)
                {
                    fiveHundreds++;
                    failures.Add($"{summary}: {e.GetType().Name}");
                    continue;
                }
                requests++;
                var status = (int)rsp.StatusCode;
                var text = await rsp.Content.ReadAsStringAsync();
                if (status == 500) { fiveHundreds++; failures.Add($"500 {summary}: {Clip(text)}"); }
                else if (status > 500) { other5xx++; others.Add($"{status} {op.Method} {op.Path}"); }
                if (status >= 400 && !BareByDesign(op, status)
                    && Envelopes.Problem(op.Module, rsp.Content.Headers.ContentType?.MediaType, text) is { } problem)
                {
                    nonEnvelope++;
                    failures.Add($"{status} {summary}: {problem}");
                }
            }
        clock.Stop();

        output.WriteLine($"fuzz: seed {Seed}, {ops.Count} operations, {requests} requests in {clock.Elapsed.TotalSeconds:F1} s: " +
                         $"{fiveHundreds} server errors (500), {other5xx} other 5xx (documented 502/503), {nonEnvelope} responses outside the envelope");
        foreach (var f in failures.Take(40)) output.WriteLine(f);
        foreach (var o in others) output.WriteLine("documented 5xx: " + o);
        Console.WriteLine("FUZZ other 5xx: " + string.Join("; ", others));
        Console.WriteLine($"FUZZ FIGURES: requests={requests} operations={ops.Count} 500s={fiveHundreds} other5xx={other5xx} non-envelope={nonEnvelope} seconds={clock.Elapsed.TotalSeconds:F1}");
        Assert.True(fiveHundreds == 0 && nonEnvelope == 0, string.Join('\n', failures.Take(40)));
        Assert.True(requests >= TargetRequests * 0.9, $"{requests} requests");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"took {clock.Elapsed}");
    }

    /// <summary>AdPriority's webhook and GDPR endpoints answer a documented bare 401 to a bad signature.</summary>
    static bool BareByDesign(Operation op, int status) =>
        status == 401 && op.Module == "adpriority" && (op.Path.Contains("/webhooks/") || op.Path.Contains("/gdpr/"));

    static IEnumerable<Operation> Operations(string module, JsonObject doc)
    {
        var schemas = doc["components"]?["schemas"] as JsonObject;
        foreach (var (path, item) in doc["paths"]?.AsObject() ?? [])
            foreach (var (method, node) in item!.AsObject())
            {
                if (method is not ("get" or "post" or "put" or "delete" or "patch")) continue;
                var parameters = (node?["parameters"] as JsonArray ?? []).Select(p => ((string)p!["name"]!, (string)p["in"]!)).ToList();
                var content = node?["requestBody"]?["content"] as JsonObject;
                var bodyType = content?.Select(c => c.Key).FirstOrDefault();
                var fields = new List<string>();
                if (content?.FirstOrDefault().Value?["schema"] is JsonObject schema)
                {
                    if (schema["$ref"] is JsonValue r && schemas?[((string)r!).Split('/')[^1]] is JsonObject target) schema = target;
                    if (schema["properties"] is JsonObject props) fields.AddRange(props.Select(p => p.Key));
                }
                yield return new Operation(module, method.ToUpperInvariant(), path, parameters, fields, bodyType);
            }
    }

    sealed record Credentials(HttpClient Owner, string PriceWatch, string AdPriority, string BrandInsights, string Platform);

    async Task<Credentials> CredentialsAsync()
    {
        var pw = await PwTenant.CreateAsync(api, "pro");
        var id = Guid.NewGuid();
        var shop = $"fuzz-{id.ToString("N")[..12]}.myshopify.com";
        await using (var conn = api.OwnerConnection())
        {
            await conn.OpenAsync();
            await using var cmd = new Npgsql.NpgsqlCommand($"""
                select set_config('app.tenant_id', '{id}', false);
                insert into adpriority.tenants (id, shop_domain, plan_tier, status, timezone) values ('{id}', '{shop}', 'pro', 'active', 'UTC');
                insert into brandinsights.brands (cannabrands_id, name) values ('fuzz-brand', 'Fuzz') on conflict do nothing;
                """, conn);
            await cmd.ExecuteNonQueryAsync();
        }
        return new Credentials(pw.Client(), Pw.Token(pw.Owner),
            AdPriorityAuth.MintSessionToken(ClaimsFactory.ShopifySecret, ClaimsFactory.ShopifyKey, shop, TimeSpan.FromMinutes(30)),
            BrandInsightsAuth.MintToken(ClaimsFactory.BrandKey, "fuzz-brand", TimeSpan.FromMinutes(30)),
            ApiFactory.PlatformToken(Guid.NewGuid(), TimeSpan.FromMinutes(30)));
    }

    static readonly string[] JunkText =
    [
        "-1", "0", "99999999999999999999999", "1e999", "-0", "NaN", "null", "true", "", " ", "%00", "a%00b", "%ED%A0%80",
        "%F0%9F%98%80", "..%2F..%2Fetc%2Fpasswd", "%27%3B--", "2025-13-45", "0001-01-01", "9999-12-31", "00000000-0000-0000-0000-000000000000",
        Guid.NewGuid().ToString(), "%3Cscript%3E", new string('a', 3000), "12345", "fuzz-brand", "http%3A%2F%2F127.0.0.1%3A1%2F",
    ];

    static readonly string[] JunkJson =
    [
        "\"a\\u0000b\"", "\"\\ud800\"", "\"\\udfff x\"", "1e999999", "-1e400", "123456789012345678901234567890", "-1", "0", "0.5", "true",
        "null", "[]", "{}", "\"\"", "\"x\"", "\"2025-13-45\"", "\"0001-01-01\"", "\"9999-12-31\"", "[1, \"a\", null]",
        "{\"a\": {\"b\": [\"\\u0000\"]}}", "\"" + new string('z', 5000) + "\"", "\"not-a-uuid\"", "\"00000000-0000-0000-0000-000000000000\"",
        "\"http://127.0.0.1:1/\"", "\"javascript:alert(1)\"", "-9223372036854775809", "9223372036854775808",
        new string('[', 100) + new string(']', 100),
    ];

    static readonly string?[] ContentTypes =
    [
        "application/json", "application/json", "application/json", "application/json; charset=utf-8", "application/json; charset=nonsense",
        "application/json; charset=utf-16", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz",
        "multipart/form-data", "application/x-ndjson", "text/csv", null, "application/xml", "application/json; charset=\"",
    ];

    static (HttpRequestMessage, string) Build(Operation op, Random rng, Credentials creds)
    {
        var path = op.Path;
        var query = new List<string>();
        foreach (var (name, where) in op.Parameters)
        {
            var value = rng.Next(4) == 0 ? Realistic(name, rng) : JunkText[rng.Next(JunkText.Length)];
            // a NUL in the path never reaches the app (Kestrel and the test server refuse the request line): send it as text
            if (where == "path") path = path.Replace("{" + name + "}", value.Replace("%00", "%2500"));
            else if (where == "query" && rng.Next(3) > 0) query.Add($"{Uri.EscapeDataString(name)}={value}");
        }
        path = System.Text.RegularExpressions.Regex.Replace(path, "\\{[^}]+\\}", _ => JunkText[rng.Next(JunkText.Length)].Replace("%00", "%2500"));
        if (rng.Next(6) == 0) query.Add($"{JunkText[rng.Next(JunkText.Length)]}={JunkText[rng.Next(JunkText.Length)]}");
        var url = path + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        var req = new HttpRequestMessage(new HttpMethod(op.Method), url);

        string? contentType = null;
        if (op.Method is "POST" or "PUT" or "PATCH" || rng.Next(8) == 0)
        {
            contentType = rng.Next(3) == 0 ? ContentTypes[rng.Next(ContentTypes.Length)] : op.BodyType ?? "application/json";
            var body = Body(op, rng);
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            req.Content = content;
        }

        // valid credentials most of the time, so requests reach the slices; junk otherwise
        if (rng.Next(5) > 0) Authenticate(req, op, creds);
        else if (rng.Next(2) == 0) req.Headers.TryAddWithoutValidation("Authorization", "Bearer junk-" + rng.Next());
        return (req, $"{op.Method} {url[..Math.Min(url.Length, 160)]} [{contentType}]");
    }

    static void Authenticate(HttpRequestMessage req, Operation op, Credentials c)
    {
        switch (op.Module)
        {
            case "pricewatch": req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", c.PriceWatch); break;
            case "adpriority": req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", c.AdPriority); break;
            case "brand-insights": req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", c.BrandInsights); break;
            case "platform": req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", c.Platform); break;
            case "shopper":
                req.Headers.TryAddWithoutValidation("X-Merchant-ID", "12345");
                req.Headers.TryAddWithoutValidation("Origin", "https://shop.example.com");
                break;
        }
    }

    static string Realistic(string name, Random rng) => name.ToLowerInvariant() switch
    {
        "brand_key" => "fuzz-brand",
        "merchant_id" => "12345",
        var n when n.Contains("date") || n is "from" or "to" => "2025-01-0" + rng.Next(1, 9),
        var n when n.EndsWith("id", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
        _ => "1",
    };

    static string Body(Operation op, Random rng)
    {
        switch (rng.Next(10))
        {
            case 0: return "{\"unterminated";
            case 1: return JunkJson[rng.Next(JunkJson.Length)];
            case 2: return "\u0000\u0001garbage";
            case 3: return "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n\u0089PNG junk\r\n--xyz--\r\n";
        }
        var fields = op.BodyFields.Count > 0 ? op.BodyFields : ["name", "value", "id", "url", "email"];
        var parts = new List<string>();
        foreach (var f in fields)
            if (rng.Next(3) > 0) parts.Add($"\"{f}\": {JunkJson[rng.Next(JunkJson.Length)]}");
        if (rng.Next(4) == 0) parts.Add($"\"merchant_id\": {rng.Next(1, 99999)}");
        if (rng.Next(4) == 0) parts.Add($"\"brand_key\": \"other\"");
        if (rng.Next(5) == 0) parts.Add($"\"a\\u0000\": 1");
        return "{" + string.Join(", ", parts) + "}";
    }

    static string Clip(string s) => s.Length > 300 ? s[..300] : s;
}
