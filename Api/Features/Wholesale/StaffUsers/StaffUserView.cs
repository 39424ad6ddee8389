using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.Wholesale.StaffUsers;

/// <summary>The document's staff user: id, username, email, full_name, first_name, last_name, role, is_active, created_at, updated_at.</summary>
sealed record StaffUserView
{
    public long Id { get; init; }
    public string Username { get; init; } = "";
    public string? Email { get; init; }
    public string? FullName { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string Role { get; init; } = "";
    public bool IsActive { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public const string Columns = """
        s.id as "Id", s.username::text as "Username", s.email::text as "Email",
        coalesce(s.full_name, nullif(trim(coalesce(s.first_name, '') || ' ' || coalesce(s.last_name, '')), '')) as "FullName",
        s.first_name as "FirstName", s.last_name as "LastName", s.role as "Role", s.is_active as "IsActive",
        s.created_at as "CreatedAt", s.updated_at as "UpdatedAt"
        """;

    /// <summary>A staff user that was not deleted (hidden), active or not; null otherwise.</summary>
    public static async Task<StaffUserView?> LoadAsync(AppDb db, long id, CancellationToken ct) =>
        (await db.QueryToListAsync<StaffUserView>($"select {Columns} from wholesale.staff_users s where s.id = @Id and s.deleted_at is null",
            new { Id = id }, ct)).FirstOrDefault();
}

/// <summary>The role rules every staff-user write shares.</summary>
static class StaffRules
{
    public static readonly string[] Roles = ["admin", "manager", "staff", "sales_rep"];

    /// <summary>
    /// Locks every active, visible admin (so two requests cannot each remove "another" admin) and answers whether one other
    /// than <paramref name="staffId"/> remains.
    /// </summary>
    public static async Task<bool> AnotherActiveAdminAsync(AppDb db, long staffId, CancellationToken ct) =>
        (await db.QueryToListAsync<long>(
            "select id from wholesale.staff_users where role = 'admin' and is_active and deleted_at is null order by id for update",
            new { }, ct)).Any(id => id != staffId);

    public static Task RevokeTokensAsync(AppDb db, long staffId, Guid? except, CancellationToken ct) =>
        db.ExecuteAsync("update wholesale.staff_tokens set revoked_at = now() where staff_id = @StaffId and revoked_at is null and (cast(@Except as uuid) is null or jti <> @Except)",
            new { StaffId = staffId, Except = except }, ct);

    public static (string? First, string? Last) SplitFullName(string? full)
    {
        if (string.IsNullOrWhiteSpace(full)) return (null, null);
        var parts = full.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (parts[0], parts.Length > 1 ? parts[1] : null);
    }
}
