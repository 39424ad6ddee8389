using System.Security.Claims;
using Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;

namespace Api.Features.Wholesale.Common;

/// <summary>Who is calling, as the schemes resolved it from our database; also the audit label ("staff:12", "customer:7").</summary>
sealed record Caller(string Kind, long? Id, string? Role)
{
    public static readonly Caller Anonymous = new("anonymous", null, null);

    public static Caller From(ClaimsPrincipal user) =>
        user.StaffId() is { } s ? new("staff", s, user.StaffRole())
        : user.CustomerId() is { } c ? new("customer", c, null)
        : user.ApiKeyId() is { } k ? new("api_key", k, null)
        : Anonymous;

    /// <summary>For public slices that treat a signed-in customer differently: runs the session scheme on demand.</summary>
    public static async Task<long?> OptionalCustomerAsync(HttpContext ctx)
    {
        if (ctx.User.CustomerId() is { } known) return known;
        var result = await ctx.AuthenticateAsync(WholesaleAuth.Customer);
        return result.Succeeded ? result.Principal.CustomerId() : null;
    }

    /// <summary>For public slices that treat staff differently.</summary>
    public static async Task<Caller?> OptionalStaffAsync(HttpContext ctx)
    {
        if (ctx.User.StaffId() is not null) return From(ctx.User);
        var result = await ctx.AuthenticateAsync(WholesaleAuth.Staff);
        return result.Succeeded ? From(result.Principal) : null;
    }

    public bool IsAdminOrManager => Kind == "staff" && Role is "admin" or "manager";
    public string Label => Id is { } id ? $"{Kind}:{id}" : Kind;
    /// <summary>actor_kind values of the audit/event tables.</summary>
    public string ActorKind => Kind == "anonymous" ? "system" : Kind;
}
