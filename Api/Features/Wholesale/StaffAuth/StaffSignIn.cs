using Api.Features.Wholesale.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;

namespace Api.Features.Wholesale.StaffAuth;

/// <summary>
/// Staff and shipping-portal sign-in: checks the password (a dummy hash when the username is unknown), refuses a deactivated
/// account only after a correct password, stores the token's jti in <c>staff_tokens</c> (12 h, with the portal) and mints the
/// HS256 JWT. The token carries only <c>sub</c> and <c>jti</c>; the role is read from the database on every request.
/// </summary>
sealed class StaffSignIn(AppDb db, Secrets secrets, SignInLimit limit, IHttpContextAccessor http)
{
    static readonly string FindSql = Sql.Load<StaffSignIn>("FindStaff.sql");
    static readonly string IssueSql = Sql.Load<StaffSignIn>("IssueToken.sql");

    public sealed class StaffRow
    {
        public long Id { get; init; }
        public string Username { get; init; } = "";
        public string? Email { get; init; }
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
        public string Role { get; init; } = "";
        public bool IsActive { get; init; }
        public string? PasswordHash { get; init; }
    }

    public sealed record Issued(StaffRow Staff, string Token, DateTimeOffset Expires);

    public async Task<ErrorOr<Issued>> SignInAsync(string username, string password, string portal, CancellationToken ct)
    {
        username = username.Trim();
        if ((await limit.CheckAsync(http.HttpContext!, "staff:" + username)) is { IsError: true } limited) return limited.Errors;
        var staff = (await db.QueryToListAsync<StaffRow>(FindSql, new { Username = username }, ct)).FirstOrDefault();
        if (!Passwords.Verify(password, staff?.PasswordHash))
            return Error.Unauthorized("Auth.InvalidCredentials", "Invalid username or password");
        if (!staff!.IsActive)
            return Error.Forbidden("Auth.Deactivated", "This staff account is deactivated");

        var jti = Guid.NewGuid();
        var expires = DateTime.UtcNow.Add(WholesaleAuth.StaffTokenLifetime);
        await db.ExecuteAsync(IssueSql, new { Jti = jti, StaffId = staff.Id, ExpiresAt = expires, Portal = portal }, ct);
        var token = WholesaleAuth.MintStaffToken(secrets.Get(WholesaleAuth.SigningKeySetting), staff.Id, jti, expires);
        return new Issued(staff, token, new DateTimeOffset(expires, TimeSpan.Zero));
    }
}
