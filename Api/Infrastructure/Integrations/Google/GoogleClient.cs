using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Api.Infrastructure.Integrations.Google;

/// <summary>A Google call that failed: <see cref="Status"/> is the HTTP status (null when unreachable).</summary>
public sealed class GoogleException(int? status, string message) : Exception(message)
{
    public int? Status { get; } = status;
    /// <summary>4xx other than 408/429: retrying will not help (no access to the sheet, bad range, bad credentials).</summary>
    public bool Permanent => Status is >= 400 and < 500 and not 408 and not 429;
}

/// <summary>
/// Typed Google client: service-account OAuth (an RS256-signed JWT exchanged with the <c>urn:ietf:params:oauth:grant-type:jwt-bearer</c>
/// grant at <c>Integrations:Google:TokenUrl</c>, default https://oauth2.googleapis.com/token; the access token is cached until a minute
/// before expiry) and the Sheets v4 values API at <c>Integrations:Google:BaseUrl</c> (default https://sheets.googleapis.com).
/// Credentials: <c>Integrations:Google:ServiceAccountEmail</c> + <c>Integrations:Google:PrivateKey</c> (PKCS#8 PEM). Without them
/// <see cref="IsConfigured"/> is false and callers record why nothing was pushed. No business decisions; tokens and keys are never logged.
/// </summary>
public sealed class GoogleClient(HttpClient http, IConfiguration config, TimeProvider clock, ILogger<GoogleClient> log)
{
    public const string SheetsScope = "https://www.googleapis.com/auth/spreadsheets";
    static readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Expires)> Tokens = new();

    public string? ServiceAccountEmail => config["Integrations:Google:ServiceAccountEmail"] is { Length: > 0 } e ? e : null;
    string? PrivateKey => config["Integrations:Google:PrivateKey"] is { Length: > 0 } k ? k.Replace("\\n", "\n", StringComparison.Ordinal) : null;
    public bool IsConfigured => ServiceAccountEmail is not null && PrivateKey is not null;
    string TokenUrl => config["Integrations:Google:TokenUrl"] is { Length: > 0 } u ? u : "https://oauth2.googleapis.com/token";
    string BaseUrl => (config["Integrations:Google:BaseUrl"] is { Length: > 0 } b ? b : "https://sheets.googleapis.com").TrimEnd('/');

    /// <summary>The signed assertion: header {alg: RS256, typ: JWT}, claims iss/scope/aud/iat/exp (one hour).</summary>
    public static string BuildAssertion(string email, string pem, string audience, string scope, DateTimeOffset now)
    {
        static string B64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = B64(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT" }));
        var iat = now.ToUnixTimeSeconds();
        var claims = B64(JsonSerializer.SerializeToUtf8Bytes(new { iss = email, scope, aud = audience, iat, exp = iat + 3600 }));
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        var sig = rsa.SignData(Encoding.ASCII.GetBytes($"{header}.{claims}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{claims}.{B64(sig)}";
    }

    async Task<string> AccessTokenAsync(bool refresh, CancellationToken ct)
    {
        var email = ServiceAccountEmail ?? throw new GoogleException(null, "Google service account not configured");
        var key = $"{TokenUrl}|{email}";
        var now = clock.GetUtcNow();
        if (!refresh && Tokens.TryGetValue(key, out var cached) && cached.Expires > now.AddMinutes(1)) return cached.Token;
        string assertion;
        try { assertion = BuildAssertion(email, PrivateKey!, TokenUrl, SheetsScope, now); }
        catch (CryptographicException) { throw new GoogleException(null, "Integrations:Google:PrivateKey is not a valid RSA private key (PEM)"); }
        catch (ArgumentException) { throw new GoogleException(null, "Integrations:Google:PrivateKey is not a valid RSA private key (PEM)"); }
        using var rsp = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, TokenUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer", ["assertion"] = assertion,
            }),
        }, null, ct);
        var body = await rsp.Content.ReadFromJsonAsync<TokenBody>(ct);
        if (body?.AccessToken is not { Length: > 0 } token) throw new GoogleException((int)rsp.StatusCode, "Google returned no access token");
        Tokens[key] = (token, now.AddSeconds(body.ExpiresIn is > 0 ? body.ExpiresIn.Value : 3600));
        return token;
    }

    string ValuesUrl(string sheetId, string range, string suffix = "") =>
        $"{BaseUrl}/v4/spreadsheets/{Uri.EscapeDataString(sheetId)}/values/{Uri.EscapeDataString(range)}{suffix}";

    /// <summary>GET values of a range (rows of strings; missing trailing cells are absent).</summary>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> GetValuesAsync(string sheetId, string range, CancellationToken ct)
    {
        using var rsp = await AuthorizedAsync(() => new HttpRequestMessage(HttpMethod.Get, ValuesUrl(sheetId, range, "?majorDimension=ROWS")), ct);
        var body = await rsp.Content.ReadFromJsonAsync<ValueRange>(ct);
        return body?.Values?.Select(r => (IReadOnlyList<string>)r.Select(c => c.ValueKind == JsonValueKind.String ? c.GetString()! : c.ToString()).ToList()).ToList() ?? [];
    }

    /// <summary>POST values/{range}:clear.</summary>
    public async Task ClearAsync(string sheetId, string range, CancellationToken ct)
    {
        using var _ = await AuthorizedAsync(() => new HttpRequestMessage(HttpMethod.Post, ValuesUrl(sheetId, range, ":clear")) { Content = JsonContent.Create(new { }) }, ct);
    }

    /// <summary>PUT values/{range}?valueInputOption=RAW: writes rows starting at the range's top-left cell.</summary>
    public async Task UpdateValuesAsync(string sheetId, string range, IReadOnlyList<IReadOnlyList<string>> rows, CancellationToken ct)
    {
        using var _ = await AuthorizedAsync(() => new HttpRequestMessage(HttpMethod.Put, ValuesUrl(sheetId, range, "?valueInputOption=RAW"))
        {
            Content = JsonContent.Create(new { range, majorDimension = "ROWS", values = rows }),
        }, ct);
    }

    /// <summary>POST values:batchUpdate (RAW): several ranges in one call.</summary>
    public async Task BatchUpdateAsync(string sheetId, IReadOnlyList<(string Range, IReadOnlyList<IReadOnlyList<string>> Rows)> data, CancellationToken ct)
    {
        if (data.Count == 0) return;
        using var _ = await AuthorizedAsync(() => new HttpRequestMessage(HttpMethod.Post, $"{BaseUrl}/v4/spreadsheets/{Uri.EscapeDataString(sheetId)}/values:batchUpdate")
        {
            Content = JsonContent.Create(new { valueInputOption = "RAW", data = data.Select(d => new { range = d.Range, majorDimension = "ROWS", values = d.Rows }) }),
        }, ct);
    }

    async Task<HttpResponseMessage> AuthorizedAsync(Func<HttpRequestMessage> build, CancellationToken ct)
    {
        var token = await AccessTokenAsync(false, ct);
        try { return await SendAsync(build, token, ct); }
        catch (GoogleException e) when (e.Status == 401)
        {
            return await SendAsync(build, await AccessTokenAsync(true, ct), ct);   // revoked or expired early: one fresh token
        }
    }

    /// <summary>Up to 4 attempts: 429/5xx wait for Retry-After or 2^n seconds.</summary>
    async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, string? token, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var req = build();
            if (token is not null) req.Headers.Authorization = new("Bearer", token);
            HttpResponseMessage rsp;
            try { rsp = await http.SendAsync(req, ct); }
            catch (HttpRequestException e) { throw new GoogleException(null, $"Google unreachable: {e.Message}"); }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { throw new GoogleException(null, "Google timed out"); }
            if (rsp.IsSuccessStatusCode) return rsp;
            var status = (int)rsp.StatusCode;
            if ((rsp.StatusCode == HttpStatusCode.TooManyRequests || status >= 500) && attempt < 4)
            {
                var wait = rsp.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(Math.Pow(2, attempt - 1));
                rsp.Dispose();
                log.LogWarning("Google {Status}; retrying in {Wait}", status, wait);
                await Task.Delay(wait > TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : wait, ct);
                continue;
            }
            var text = await rsp.Content.ReadAsStringAsync(ct);
            rsp.Dispose();
            throw new GoogleException(status, string.Create(CultureInfo.InvariantCulture, $"Google answered {status}: {(text.Length > 300 ? text[..300] : text)}"));
        }
    }

    sealed record TokenBody([property: JsonPropertyName("access_token")] string? AccessToken, [property: JsonPropertyName("expires_in")] int? ExpiresIn);
    sealed record ValueRange([property: JsonPropertyName("values")] List<List<JsonElement>>? Values);
}
