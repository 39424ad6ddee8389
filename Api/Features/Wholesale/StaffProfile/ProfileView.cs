using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.Wholesale.StaffProfile;

/// <summary>The signed-in staff member's profile: id, username, email, full_name, first_name, last_name, role, is_active, created_at, updated_at.</summary>
sealed record ProfileView
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

    public static async Task<ProfileView?> LoadAsync(AppDb db, long id, CancellationToken ct) =>
        (await db.QueryToListAsync<ProfileView>("""
            select s.id as "Id", s.username::text as "Username", s.email::text as "Email",
                   coalesce(s.full_name, nullif(trim(coalesce(s.first_name, '') || ' ' || coalesce(s.last_name, '')), '')) as "FullName",
                   s.first_name as "FirstName", s.last_name as "LastName", s.role as "Role", s.is_active as "IsActive",
                   s.created_at as "CreatedAt", s.updated_at as "UpdatedAt"
            from wholesale.staff_users s where s.id = @Id and s.is_active and s.deleted_at is null
            """, new { Id = id }, ct)).FirstOrDefault();
}
