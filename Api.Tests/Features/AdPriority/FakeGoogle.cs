using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Api.Tests.Features.AdPriority;

/// <summary>
/// Google's OAuth token endpoint and the Sheets v4 values API on 127.0.0.1. The token endpoint verifies the RS256 signature of the
/// service-account assertion against the public key, and its iss/aud/scope/exp; Sheets calls need the issued bearer token and
/// a sheet shared with the service account (others: 403). Sheets are kept as rows of strings.
/// </summary>
public sealed partial class FakeGoogle : IAsyncDisposable
{
    public const string Email = "adpriority-sync@test-project.iam.gserviceaccount.com";
    public const string SharedSheet = "1SharedSheet0000000000000000000000000000000";
    public const string PrivateSheet = "1PrivateSheet000000000000000000000000000000";
    readonly WebApplication _app;
    readonly RSA _key = RSA.Create(2048);
    public string PrivateKeyPem { get; }
    public string BaseUrl { get; }
    public string TokenUrl => BaseUrl + "/token";
    public ConcurrentDictionary<string, List<List<string>>> Sheets { get; } = new() { [SharedSheet] = [] };
    public ConcurrentQueue<string> Requests { get; } = [];
    readonly ConcurrentDictionary<string, bool> _issued = new();
    public int TokensIssued => _issued.Count;

    public FakeGoogle()
    {
        PrivateKeyPem = _key.ExportPkcs8PrivateKeyPem();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/token", async ctx =>
        {
            var form = await ctx.Request.ReadFormAsync();
            string? why = "bad grant_type";
            if (form["grant_type"] != "urn:ietf:params:oauth:grant-type:jwt-bearer" || !Verify(form["assertion"].ToString(), out why))
            { ctx.Response.StatusCode = 400; await ctx.Response.WriteAsJsonAsync(new { error = "invalid_grant", error_description = why }); return; }
            var token = "ya29.fake-" + Guid.NewGuid().ToString("N");
            _issued[token] = true;
            await ctx.Response.WriteAsJsonAsync(new { access_token = token, expires_in = 3599, token_type = "Bearer" });
        });
        _app.Map("/v4/{**rest}", async (HttpContext ctx) =>
        {
            var path = ctx.Request.Path.Value ?? "";
            Requests.Enqueue($"{ctx.Request.Method} {path}");
            if (ctx.Request.Headers.Authorization.ToString() is not ['B', 'e', 'a', 'r', 'e', 'r', ' ', .. var bearer] || !_issued.ContainsKey(bearer))
            { ctx.Response.StatusCode = 401; await ctx.Response.WriteAsJsonAsync(new { error = new { code = 401, status = "UNAUTHENTICATED" } }); return; }
            var m = SheetPath().Match(path);
            if (!m.Success) { ctx.Response.StatusCode = 404; return; }
            if (!Sheets.TryGetValue(m.Groups[1].Value, out var sheet))
            { ctx.Response.StatusCode = 403; await ctx.Response.WriteAsJsonAsync(new { error = new { code = 403, message = "The caller does not have permission", status = "PERMISSION_DENIED" } }); return; }
            var rest = m.Groups[2].Value;
            if (ctx.Request.Method == "GET" && rest.StartsWith('/'))
            {
                List<List<string>> values;
                lock (sheet)
                {
                    values = sheet.Select(r => { var copy = r.ToList(); while (copy.Count > 0 && copy[^1] == "") copy.RemoveAt(copy.Count - 1); return copy; }).ToList();
                }
                while (values.Count > 0 && values[^1].Count == 0) values.RemoveAt(values.Count - 1);
                await ctx.Response.WriteAsJsonAsync(new { range = rest[1..], majorDimension = "ROWS", values });
                return;
            }
            var body = await JsonNode.ParseAsync(ctx.Request.Body);
            lock (sheet)
            {
                if (ctx.Request.Method == "POST" && rest.EndsWith(":clear", StringComparison.Ordinal)) sheet.Clear();
                else if (ctx.Request.Method == "PUT" && rest.StartsWith('/')) Write(sheet, rest[1..], body!["values"]!.AsArray());
                else if (ctx.Request.Method == "POST" && rest == ":batchUpdate")
                    foreach (var d in body!["data"]!.AsArray()) Write(sheet, (string)d!["range"]!, d["values"]!.AsArray());
                else { ctx.Response.StatusCode = 400; return; }
            }
            await ctx.Response.WriteAsJsonAsync(new { spreadsheetId = m.Groups[1].Value });
        });
        _app.StartAsync().GetAwaiter().GetResult();
        BaseUrl = _app.Urls.First().TrimEnd('/');
    }

    static void Write(List<List<string>> sheet, string range, JsonArray values)
    {
        var row = int.Parse(StartRow().Match(range).Groups[1].Value) - 1;
        foreach (var v in values)
        {
            while (sheet.Count <= row) sheet.Add([]);
            sheet[row] = v!.AsArray().Select(c => (string?)c ?? "").ToList();
            row++;
        }
    }

    bool Verify(string jwt, out string? why)
    {
        why = null;
        var parts = jwt.Split('.');
        if (parts.Length != 3) { why = "not a JWT"; return false; }
        static byte[] D(string s) => Convert.FromBase64String(s.Replace('-', '+').Replace('_', '/').PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
        var header = JsonNode.Parse(D(parts[0]))!;
        if ((string?)header["alg"] != "RS256") { why = "alg must be RS256"; return false; }
        if (!_key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), D(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        { why = "Invalid JWT Signature."; return false; }
        var c = JsonNode.Parse(D(parts[1]))!;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if ((string?)c["iss"] != Email) why = "unknown iss";
        else if ((string?)c["aud"] != TokenUrl) why = "aud must be the token URL";
        else if ((string?)c["scope"] != "https://www.googleapis.com/auth/spreadsheets") why = "bad scope";
        else if ((long)c["exp"]! < now || (long)c["iat"]! > now + 60 || (long)c["exp"]! - (long)c["iat"]! > 3600) why = "bad iat/exp";
        return why is null;
    }

    [GeneratedRegex("^/v4/spreadsheets/([^/]+)/values(.*)$")] private static partial Regex SheetPath();
    [GeneratedRegex("^[A-Z]+([0-9]+)")] private static partial Regex StartRow();

    public async ValueTask DisposeAsync() { await _app.DisposeAsync(); _key.Dispose(); }
}

/// <summary>AdPriority with Google pointed at a <see cref="FakeGoogle"/> and its service account configured.</summary>
public sealed class GoogleBackedApi : AdPriorityApi
{
    public FakeGoogle Google { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Integrations:Google:TokenUrl"] = Google.TokenUrl,
        ["Integrations:Google:BaseUrl"] = Google.BaseUrl,
        ["Integrations:Google:ServiceAccountEmail"] = FakeGoogle.Email,
        ["Integrations:Google:PrivateKey"] = Google.PrivateKeyPem,
        ["AdPriority:AppUrl"] = "https://app.adpriority.test",
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Google.DisposeAsync();
    }
}
