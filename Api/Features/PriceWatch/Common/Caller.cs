using System.Security.Claims;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Tenancy;
using ErrorOr;

namespace Api.Features.PriceWatch.Common;

/// <summary>The signed-in PriceWatch user of this request: id (JWT sub), email, workspace and role (from user_tenants).</summary>
sealed class Caller(IHttpContextAccessor http)
{
    ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    public Guid UserId => Guid.TryParse(User.FindFirst("sub")?.Value, out var id) ? id : Guid.Empty;
    public string? Email => User.FindFirst("email")?.Value?.Trim().ToLowerInvariant();
    public Guid? TenantIdOrNull => Guid.TryParse(User.FindFirst(TenantContext.Claim)?.Value, out var t) ? t : null;
    public Guid TenantId => TenantIdOrNull ?? throw new InvalidOperationException("No workspace in context.");
    public string? Role => User.FindFirst(PriceWatchAuth.RoleClaim)?.Value;
    public bool IsOwner => Role == "owner";
    public bool IsSuperAdmin => User.FindFirst(PriceWatchAuth.SuperAdminClaim)?.Value == "true";

    public static int Rank(string? role) => role switch { "owner" => 4, "admin" => 3, "member" => 2, "viewer" => 1, _ => 0 };

    /// <summary>Null when the caller's role is at least <paramref name="role"/>, else the 403 to return.</summary>
    public Error? Require(string role) => Rank(Role) >= Rank(role) ? null
        : Error.Forbidden("PriceWatch.Role", role == "admin"
            ? "Insufficient permissions: this action requires the owner or admin role"
            : $"Insufficient permissions: this action requires the {role} role or higher");
}
