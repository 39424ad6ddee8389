using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Api.Infrastructure.Integrations.Sandbox;

/// <summary>
/// Google, locally (<see cref="Prefix"/>): the OAuth token endpoint (<c>/token</c>) verifies the RS256 service-account assertion
/// against the account's public key and its iss/aud/scope/exp, and the Sheets v4 values API (<c>/v4/spreadsheets/{id}/values…</c>:
/// GET, PUT, <c>:clear</c>, <c>:batchUpdate</c>) needs an issued bearer token. Sheets are rows of strings in memory; with
/// <see cref="AutoCreateSheets"/> any sheet id is shared with the account on first use (else unknown ids answer 403, as an
/// unshared sheet does). <c>GET /sheets/{id}</c> shows a sheet's rows without a token, to read a push back.
/// </summary>
public sealed partial class GoogleSandbox(string serviceAccountEmail, RSA key)
{
    public const string Prefix = "/google";
    public string Email { get; } = serviceAccountEmail;
    public bool AutoCreateSheets { get; set; }
    public ConcurrentDictionary<string, List<List<string>>> Sheets { get; } = new();
    /// <summary>"METHOD /v4/…" of every Sheets call.</summary>
    public ConcurrentQueue<string> Requests { get; } = [];
    readonly ConcurrentDictionary<string, bool> _issued = new();
    public int TokensIssued => _issued.Count;

    public void Map(IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup(Prefix);
        g.MapPost("/token", async (HttpContext ctx) =>
        {
            var form = await ctx.Request.ReadFormAsync();
            var self = $"{ctx.Request.Scheme}://{ctx.Request.Host}{ctx.Request.Path}";
            string? why = "bad grant_type";
            if (form["grant_type"] != "urn:ietf:params:oauth:grant-type:jwt-bearer" || !Verify(form["assertion"].ToString(), self, out why))
                return Results.Json(new { error = "invalid_grant", error_description = why }, statusCode: 400);
            var token = "ya29.sandbox-" + Guid.NewGuid().ToString("N");
            _issued[token] = true;
            return Results.Json(new { access_token = token, expires_in = 3599, token_type = "Bearer" });
        });
        g.MapGet("/sheets/{id}", (string id) => Sheets.TryGetValue(id, out var sheet)
            ? Results.Json(new { spreadsheetId = id, values = Trimmed(sheet) })
            : Results.Json(new { error = new { code = 404, message = "No such sheet in the sandbox (nothing pushed yet)" } }, statusCode: 404));
        g.Map("/v4/{**rest}", async (HttpContext ctx) =>
        {
            var path = ctx.Request.Path.Value![Prefix.Length..];
            Requests.Enqueue($"{ctx.Request.Method} {path}");
            if (ctx.Request.Headers.Authorization.ToString() is not ['B', 'e', 'a', 'r', 'e', 'r', ' ', .. var bearer] || !_issued.ContainsKey(bearer))
                return Results.Json(new { error = new { code = 401, status = "UNAUTHENTICATED" } }, statusCode: 401);
            var m = SheetPath().Match(path);
            if (!m.Success) return Results.NotFound();
            var id = Uri.UnescapeDataString(m.Groups[1].Value);
            List<List<string>>? sheet = AutoCreateSheets ? Sheets.GetOrAdd(id, _ => []) : Sheets.GetValueOrDefault(id);
            if (sheet is null)
                return Results.Json(new { error = new { code = 403, message = "The caller does not have permission", status = "PERMISSION_DENIED" } }, statusCode: 403);
            var rest = Uri.UnescapeDataString(m.Groups[2].Value);
            if (ctx.Request.Method == "GET" && rest.StartsWith('/'))
                return Results.Json(new { range = rest[1..], majorDimension = "ROWS", values = Trimmed(sheet) });
            var body = await JsonNode.ParseAsync(ctx.Request.Body);
            lock (sheet)
            {
                if (ctx.Request.Method == "POST" && rest.EndsWith(":clear", StringComparison.Ordinal)) sheet.Clear();
                else if (ctx.Request.Method == "PUT" && rest.StartsWith('/')) Write(sheet, rest[1..], body!["values"]!.AsArray());
                else if (ctx.Request.Method == "POST" && rest == ":batchUpdate")
                    foreach (var d in body!["data"]!.AsArray()) Write(sheet, (string)d!["range"]!, d["values"]!.AsArray());
                else return Results.BadRequest();
            }
            return Results.Json(new { spreadsheetId = id });
        });
    }

    static List<List<string>> Trimmed(List<List<string>> sheet)
    {
        List<List<string>> values;
        lock (sheet)
            values = sheet.Select(r => { var copy = r.ToList(); while (copy.Count > 0 && copy[^1] == "") copy.RemoveAt(copy.Count - 1); return copy; }).ToList();
        while (values.Count > 0 && values[^1].Count == 0) values.RemoveAt(values.Count - 1);
        return values;
    }

    static void Write(List<List<string>> sheet, string range, JsonArray values)
    {
        var row = int.Parse(StartRow().Match(range).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1;
        foreach (var v in values)
        {
            while (sheet.Count <= row) sheet.Add([]);
            sheet[row] = v!.AsArray().Select(c => (string?)c ?? "").ToList();
            row++;
        }
    }

    bool Verify(string jwt, string tokenUrl, out string? why)
    {
        why = null;
        var parts = jwt.Split('.');
        if (parts.Length != 3) { why = "not a JWT"; return false; }
        static byte[] D(string s) => Convert.FromBase64String(s.Replace('-', '+').Replace('_', '/').PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
        try
        {
            var header = JsonNode.Parse(D(parts[0]))!;
            if ((string?)header["alg"] != "RS256") { why = "alg must be RS256"; return false; }
            if (!key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), D(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            { why = "Invalid JWT Signature."; return false; }
            var c = JsonNode.Parse(D(parts[1]))!;
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            if ((string?)c["iss"] != Email) why = "unknown iss";
            else if ((string?)c["aud"] is not { } aud || (aud != tokenUrl && aud != "https://oauth2.googleapis.com/token"))
                why = "aud must be Google's token URL";   // as Google: its canonical token URL (what Google.Apis.Auth signs) or this endpoint
            else if ((string?)c["scope"] != "https://www.googleapis.com/auth/spreadsheets") why = "bad scope";
            else if ((long)c["exp"]! < now || (long)c["iat"]! > now + 60 || (long)c["exp"]! - (long)c["iat"]! > 3600) why = "bad iat/exp";
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException or NullReferenceException)
        {
            why = "malformed JWT";
        }
        return why is null;
    }

    [GeneratedRegex("^/v4/spreadsheets/([^/:]+)/values(.*)$")] private static partial Regex SheetPath();
    [GeneratedRegex("^(?:[^!]*!)?[A-Z]+([0-9]+)")] private static partial Regex StartRow();
}
