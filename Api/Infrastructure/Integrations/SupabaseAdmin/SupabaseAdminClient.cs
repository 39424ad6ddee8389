using System.Net.Http.Json;
using System.Text.Json;

namespace Api.Infrastructure.Integrations.SupabaseAdmin;

/// <summary>
/// The Supabase Auth admin API (GoTrue), used with the service-role key: invite a user by email, read a user's email.
/// Configured by <c>Integrations:SupabaseAdmin:BaseUrl</c> (the project URL) and <c>Integrations:SupabaseAdmin:ServiceRoleKey</c>;
/// without them <see cref="IsConfigured"/> is false and callers use their local default (stored users, the mail sender).
/// </summary>
public sealed class SupabaseAdminClient(HttpClient http, IConfiguration config)
{
    string? BaseUrl => config["Integrations:SupabaseAdmin:BaseUrl"] is { Length: > 0 } u ? u.TrimEnd('/') : null;
    string? Key => config["Integrations:SupabaseAdmin:ServiceRoleKey"] is { Length: > 0 } k ? k : null;
    public bool IsConfigured => BaseUrl is not null && Key is not null;

    HttpRequestMessage Request(HttpMethod method, string path)
    {
        var req = new HttpRequestMessage(method, BaseUrl + path);
        req.Headers.TryAddWithoutValidation("apikey", Key);
        req.Headers.Authorization = new("Bearer", Key);
        return req;
    }

    /// <summary>Sends Supabase's invite email. False when Supabase refuses (e.g. the address already has an account).</summary>
    public async Task<bool> InviteUserByEmailAsync(string email, string redirectTo, IDictionary<string, object?> data, CancellationToken ct)
    {
        using var req = Request(HttpMethod.Post, "/auth/v1/invite");
        req.Content = JsonContent.Create(new { email, data });
        req.RequestUri = new Uri(req.RequestUri + "?redirect_to=" + Uri.EscapeDataString(redirectTo));
        using var rsp = await http.SendAsync(req, ct);
        return rsp.IsSuccessStatusCode;
    }

    /// <summary>The user's email from the admin API, or null when unknown or unreachable.</summary>
    public async Task<string?> GetUserEmailAsync(Guid userId, CancellationToken ct)
    {
        using var req = Request(HttpMethod.Get, $"/auth/v1/admin/users/{userId}");
        using var rsp = await http.SendAsync(req, ct);
        if (!rsp.IsSuccessStatusCode) return null;
        using var doc = JsonDocument.Parse(await rsp.Content.ReadAsStringAsync(ct));
        return doc.RootElement.TryGetProperty("email", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
    }

    /// <summary>Reachability of the Auth service (<c>/auth/v1/health</c>).</summary>
    public async Task<bool> PingAsync(CancellationToken ct)
    {
        try
        {
            using var req = Request(HttpMethod.Get, "/auth/v1/health");
            using var rsp = await http.SendAsync(req, ct);
            return rsp.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return false; }
    }
}
