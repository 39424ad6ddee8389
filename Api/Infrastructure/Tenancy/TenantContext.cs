namespace Api.Infrastructure.Tenancy;

/// <summary>
/// The tenant of the current request or job (scoped). HTTP requests take it from the authenticated principal's
/// <c>tenant_id</c> claim (each module's auth scheme puts its tenant there); background work calls <see cref="Set"/>.
/// </summary>
public sealed class TenantContext(IHttpContextAccessor http)
{
    public const string Claim = "tenant_id";
    string? _id;

    public string? Id => _id ??= http.HttpContext?.User.FindFirst(Claim)?.Value;

    public void Set(string id) => _id = id;
}
