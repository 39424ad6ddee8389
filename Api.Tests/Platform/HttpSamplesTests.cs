using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Api.Infrastructure.Cli;
using Api.Infrastructure.Demo;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Platform;

/// <summary>
/// Runs every request of every http-samples/*.http file, in order, against the test server on seeded demo data and
/// checks the status its <c># expect NNN</c> comment declares. <c>{{base}}</c> keeps its path and gets the test host;
/// <c>{{token}}</c> is minted from the file's <c># token-command:</c> line, as a user would with the token command.
/// Bodies may include files as the VS Code REST Client and JetBrains clients do: a body line <c>&lt; ./path</c> (raw bytes) or
/// <c>&lt;@ ./path</c> (text with <c>{{variables}}</c> substituted), relative to the .http file; a multipart body is sent with CRLF
/// line ends around the file bytes. A block titled <c>### == Area ==</c> holding only comments is a section heading and sends nothing.
/// </summary>
public sealed partial class HttpSamplesTests(SamplesApi api) : IClassFixture<SamplesApi>
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(MigrationTests.FindRepoRoot(), "http-samples"), "*.http", SearchOption.AllDirectories).Order())
            if (!f.Contains($"{Path.DirectorySeparatorChar}journeys{Path.DirectorySeparatorChar}", StringComparison.Ordinal))   // need a running sandbox: Platform/Sandbox/*JourneyTests walk them
                data.Add(Path.GetRelativePath(MigrationTests.FindRepoRoot(), f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_sample_request_answers_its_declared_status(string file)
    {
        await DemoData.SeedAsync(api.Services, CancellationToken.None);
        var text = await File.ReadAllTextAsync(Path.Combine(MigrationTests.FindRepoRoot(), file));
        var vars = new Dictionary<string, string>();
        foreach (Match m in VariableLine().Matches(text)) vars[m.Groups[1].Value] = m.Groups[2].Value.Trim();
        if (TokenCommand().Match(text) is { Success: true } tc)
        {
            var parts = tc.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var minter = api.Services.GetServices<ITokenMinter>().Single(t => t.Module == parts[0]);
            var args = new Dictionary<string, string>();
            for (var i = 1; i + 1 < parts.Length; i += 2) args[parts[i].TrimStart('-')] = parts[i + 1];
            vars["token"] = minter.Mint(args);
        }
        // redirects are answers too (a request declares the 3xx it gets), as they are for a REST client set not to follow them
        var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (vars.TryGetValue("base", out var b)) vars["base"] = new Uri(client.BaseAddress!, new Uri(b).AbsolutePath).ToString().TrimEnd('/');

        var blocks = text.Split("###").Skip(1).ToList();
        Assert.NotEmpty(blocks);
        var failures = new List<string>();
        foreach (var block in blocks)
        {
            var lines = block.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            var title = lines[0].Trim();
            // a section heading: "### == Area ==" followed only by comment lines (REST clients show it and send nothing)
            if (title.StartsWith("==", StringComparison.Ordinal) && lines.Skip(1).All(l => l.Trim().Length == 0 || l.TrimStart().StartsWith('#'))) continue;
            var expect = lines.Select(l => Expect().Match(l)).FirstOrDefault(m => m.Success);
            Assert.True(expect is not null, $"{file}: request '{title}' has no '# expect NNN' comment");
            var i = lines.FindIndex(1, l => RequestLine().IsMatch(Sub(l, vars)));
            Assert.True(i > 0, $"{file}: request '{title}' has no request line");
            var rl = RequestLine().Match(Sub(lines[i], vars));
            var req = new HttpRequestMessage(new HttpMethod(rl.Groups[1].Value), rl.Groups[2].Value);
            var j = i + 1;
            string? contentType = null;
            for (; j < lines.Count && lines[j].Trim().Length > 0; j++)
            {
                var h = Sub(lines[j], vars);
                var colon = h.IndexOf(':');
                var (name, value) = (h[..colon].Trim(), h[(colon + 1)..].Trim());
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) contentType = value;
                else req.Headers.TryAddWithoutValidation(name, value);
            }
            var bodyLines = lines.Skip(j + 1).Where(l => !l.TrimStart().StartsWith('#')).ToList();
            if (bodyLines.Any(l => FileLine().IsMatch(l)))
                req.Content = FileBody(bodyLines, contentType, Path.GetDirectoryName(Path.Combine(MigrationTests.FindRepoRoot(), file))!, vars);
            else
            {
                var body = string.Join('\n', bodyLines).Trim();
                if (body.Length > 0) req.Content = new StringContent(Sub(body, vars), Encoding.UTF8, contentType ?? "application/json");
            }
            var rsp = await client.SendAsync(req);
            // REST Client named requests: "# @name x" lets later requests use {{x.response.body.$.field}}
            if (lines.Select(l => NameLine().Match(l)).FirstOrDefault(m => m.Success) is { } named)
            {
                var text2 = await rsp.Content.ReadAsStringAsync();
                if (System.Text.Json.Nodes.JsonNode.Parse(text2.Length == 0 ? "null" : text2) is System.Text.Json.Nodes.JsonObject obj)
                    Flatten($"{named.Groups[1].Value}.response.body.$", obj, vars);
            }
            var want = int.Parse(expect!.Groups[1].Value);
            if ((int)rsp.StatusCode != want)
                failures.Add($"{file}: '{title}' {rl.Groups[1].Value} {rl.Groups[2].Value} answered {(int)rsp.StatusCode}, expected {want}: {await rsp.Content.ReadAsStringAsync()}");
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>
    /// A body with file lines: text lines (variables substituted) and file contents, joined with CRLF when the body is
    /// multipart (as the multipart grammar requires) and LF otherwise. Leading and trailing blank lines are dropped.
    /// </summary>
    static ByteArrayContent FileBody(List<string> lines, string? contentType, string dir, Dictionary<string, string> vars)
    {
        while (lines.Count > 0 && lines[0].Trim().Length == 0) lines.RemoveAt(0);
        while (lines.Count > 0 && lines[^1].Trim().Length == 0) lines.RemoveAt(lines.Count - 1);
        var multipart = contentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;
        var eol = Encoding.UTF8.GetBytes(multipart ? "\r\n" : "\n");
        using var ms = new MemoryStream();
        for (var k = 0; k < lines.Count; k++)
        {
            if (k > 0) ms.Write(eol);
            if (FileLine().Match(lines[k]) is { Success: true } f)
            {
                var path = Path.GetFullPath(Path.Combine(dir, Sub(f.Groups[2].Value.Trim(), vars)));
                Assert.True(File.Exists(path), $"body file {path} does not exist");
                var bytes = File.ReadAllBytes(path);
                ms.Write(f.Groups[1].Value == "@" ? Encoding.UTF8.GetBytes(Sub(Encoding.UTF8.GetString(bytes), vars)) : bytes);
            }
            else ms.Write(Encoding.UTF8.GetBytes(Sub(lines[k], vars)));
        }
        if (multipart) ms.Write(eol);   // the closing delimiter line ends with CRLF too
        var content = new ByteArrayContent(ms.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", contentType ?? "application/octet-stream");
        return content;
    }

    static void Flatten(string prefix, System.Text.Json.Nodes.JsonNode? node, Dictionary<string, string> vars)
    {
        if (node is System.Text.Json.Nodes.JsonObject o) foreach (var (k, v) in o) Flatten($"{prefix}.{k}", v, vars);
        else if (node is not null) vars[prefix] = node is System.Text.Json.Nodes.JsonValue val && val.TryGetValue<string>(out var str) ? str : node.ToJsonString();
    }

    // REST Client's {{$datetime "YYYY-MM-DD" -90 d}} (the one format the samples use): a date relative to today (UTC)
    static string Sub(string s, Dictionary<string, string> vars) =>
        Placeholder().Replace(RelativeDate().Replace(s, m => DateTime.UtcNow.AddDays(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), m => vars.TryGetValue(m.Groups[1].Value, out var v) ? v
            : m.Groups[1].Value == "$timestamp" ? DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)   // REST Client's system variable
            : m.Value);

    [GeneratedRegex(@"\{\{\s*\$datetime\s+""YYYY-MM-DD""\s+(-?\d+)\s+d\s*\}\}")] private static partial Regex RelativeDate();

    [GeneratedRegex(@"^@([A-Za-z_][\w-]*)\s*=\s*(.*)$", RegexOptions.Multiline)] private static partial Regex VariableLine();
    [GeneratedRegex(@"^#\s*token-command:\s*(.+)$", RegexOptions.Multiline)] private static partial Regex TokenCommand();
    [GeneratedRegex(@"^#\s*expect\s+(\d{3})\b")] private static partial Regex Expect();
    [GeneratedRegex(@"^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\S+)")] private static partial Regex RequestLine();
    [GeneratedRegex(@"\{\{\s*([\w.$-]+)\s*\}\}")] private static partial Regex Placeholder();
    [GeneratedRegex(@"^#\s*@name\s+([\w-]+)")] private static partial Regex NameLine();
    [GeneratedRegex(@"^<(@?)\s+(\S.*)$")] private static partial Regex FileLine();
}

/// <summary>The samples' host: the default test settings plus the admin token the ShopperSearch key samples use (<c>@admin_token</c>).</summary>
public sealed class SamplesApi : ApiFactory
{
    public const string ShopperAdminToken = "dev-admin-token-change-me-0001";
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ShopperSearch:AdminToken"] = ShopperAdminToken,
        ["RateLimits:wholesale_signin:PermitLimit"] = "1000",   // the Wholesale samples sign in and recover more than 10 times a minute from one address
        // what a new user runs them against: Development's sandbox for Stripe, Shopify, Google and the demo storefronts
        [Api.Infrastructure.Integrations.Sandbox.Sandbox.EnabledSetting] = "true",
        [Api.Infrastructure.Integrations.Sandbox.Sandbox.UrlSetting] = $"http://127.0.0.1:{FreePort()}",
    };

    static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }
}

public sealed class TokenCommandTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_platform_token_command_mints_a_token_the_api_accepts()
    {
        var minter = api.Services.GetServices<ITokenMinter>().Single(m => m.Module == "platform");
        var token = minter.Mint(new Dictionary<string, string> { ["tenant"] = Guid.NewGuid().ToString(), ["days"] = "1" });
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/platform/v1/settings")).StatusCode);
        Assert.Throws<ArgumentException>(() => minter.Mint(new Dictionary<string, string> { ["tenant"] = "not-a-uuid" }));
    }
}
