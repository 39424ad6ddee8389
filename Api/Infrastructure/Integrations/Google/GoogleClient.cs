using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Responses;
using Google.Apis.Http;

namespace Api.Infrastructure.Integrations.Google;

/// <summary>A Google call that failed: <see cref="Status"/> is the HTTP status (null when unreachable).</summary>
public sealed class GoogleException(int? status, string message) : Exception(message)
{
    public int? Status { get; } = status;
    /// <summary>4xx other than 408/429: retrying will not help (no access to the sheet, bad range, bad credentials).</summary>
    public bool Permanent => Status is >= 400 and < 500 and not 408 and not 429;
}

/// <summary>
/// Typed Google client: service-account OAuth through Google.Apis.Auth (its RS256 assertion exchanged with the
/// <c>urn:ietf:params:oauth:grant-type:jwt-bearer</c> grant at <c>Integrations:Google:TokenUrl</c>, default
/// https://oauth2.googleapis.com/token; the library caches the token and refreshes it before expiry) and the Sheets v4 values API at <c>Integrations:Google:BaseUrl</c> (default https://sheets.googleapis.com).
/// Credentials: <c>Integrations:Google:ServiceAccountEmail</c> + <c>Integrations:Google:PrivateKey</c> (PKCS#8 PEM). Without them
/// <see cref="IsConfigured"/> is false and callers record why nothing was pushed. No business decisions; tokens and keys are never logged.
/// </summary>
public sealed class GoogleClient(HttpClient http, IConfiguration config, TimeProvider clock, ILogger<GoogleClient> log)
{
    public const string SheetsScope = "https://www.googleapis.com/auth/spreadsheets";
    static readonly ConcurrentDictionary<string, ServiceAccountCredential> Credentials = new();

    public string? ServiceAccountEmail => config["Integrations:Google:ServiceAccountEmail"] is { Length: > 0 } e ? e : null;
    string? PrivateKey => config["Integrations:Google:PrivateKey"] is { Length: > 0 } k ? k.Replace("\\n", "\n", StringComparison.Ordinal) : null;
    public bool IsConfigured => ServiceAccountEmail is not null && PrivateKey is not null;
    string TokenUrl => config["Integrations:Google:TokenUrl"] is { Length: > 0 } u ? u : "https://oauth2.googleapis.com/token";
    string BaseUrl => (config["Integrations:Google:BaseUrl"] is { Length: > 0 } b ? b : "https://sheets.googleapis.com").TrimEnd('/');

    /// <summary>One credential per token server, account and key, shared by every client instance, so Google.Apis.Auth's
    /// token cache (refreshed shortly before expiry) serves them all.</summary>
    ServiceAccountCredential Credential()
    {
        var email = ServiceAccountEmail ?? throw new GoogleException(null, "Google service account not configured");
        var pem = PrivateKey!;
        var key = $"{TokenUrl}|{email}|{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(pem)))}";
        try
        {
            return Credentials.GetOrAdd(key, _ => new ServiceAccountCredential(
                new ServiceAccountCredential.Initializer(email, TokenUrl)
                {
                    Scopes = [SheetsScope],
                    Clock = new ClockAdapter(clock),
                    DefaultExponentialBackOffPolicy = ExponentialBackOffPolicy.None,   // SendAsync below owns the retries
                }.FromPrivateKey(pem)));
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or FormatException or InvalidOperationException)
        { throw new GoogleException(null, "Integrations:Google:PrivateKey is not a valid RSA private key (PEM)"); }
    }

    /// <summary>The access token from the service-account grant (RS256 assertion, <c>jwt-bearer</c>), by Google.Apis.Auth.</summary>
    async Task<string> AccessTokenAsync(bool refresh, CancellationToken ct)
    {
        var credential = Credential();
        try
        {
            if (refresh) await credential.RequestAccessTokenAsync(ct);
            return await credential.GetAccessTokenForRequestAsync(cancellationToken: ct);
        }
        catch (TokenResponseException e)
        { throw new GoogleException(e.StatusCode is { } s ? (int)s : null, $"Google token request refused: {e.Error?.Error} {e.Error?.ErrorDescription}".TrimEnd()); }
        catch (HttpRequestException e) { throw new GoogleException(null, $"Google unreachable: {e.Message}"); }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested) { throw new GoogleException(null, "Google timed out"); }
    }

    sealed class ClockAdapter(TimeProvider time) : global::Google.Apis.Util.IClock
    {
        public DateTime Now => time.GetLocalNow().DateTime;
        public DateTime UtcNow => time.GetUtcNow().UtcDateTime;
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

    sealed record ValueRange([property: JsonPropertyName("values")] List<List<JsonElement>>? Values);
}
