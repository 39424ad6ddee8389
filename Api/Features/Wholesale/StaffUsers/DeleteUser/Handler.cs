using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffUsers.DeleteUser;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (req.UserId == req.Caller.Id) return Error.Validation("user_id", "You cannot delete your own account");
        await using var tx = await db.BeginTransactionAsync(ct);
        var targets = await db.QueryToListAsync<Target>(
            "select username::text as \"Username\", role as \"Role\", is_active as \"IsActive\" from wholesale.staff_users where id = @UserId and deleted_at is null for update",
            new { req.UserId }, ct);
        if (targets is not [var target]) return Error.NotFound("Staff.NotFound", "Staff user not found");
        if (target.Role == "admin" && req.Caller.Role != "admin") return Error.Forbidden("Staff.AdminRequired", "Only an admin can delete an admin");
        if (target.Role == "admin" && target.IsActive && !await StaffRules.AnotherActiveAdminAsync(db, req.UserId, ct))
            return Error.Conflict("Staff.LastAdmin", "The last active admin cannot be deleted");
        await db.ExecuteAsync("""
            update wholesale.staff_users set is_active = false, deactivated_at = coalesce(deactivated_at, now()), deleted_at = now(), updated_at = now()
            where id = @UserId
            """, new { req.UserId }, ct);
        await StaffRules.RevokeTokensAsync(db, req.UserId, null, ct);
        await db.ExecuteAsync("""
            insert into wholesale.audit_log (actor_kind, actor_id, action, entity, entity_id)
            values ('staff', @ActorId, 'staff_user.deleted', 'staff_user', @Id)
            """, new { ActorId = req.Caller.Id, Id = req.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, ct);
        await tx.CommitAsync(ct);
        return new Response($"Staff user {target.Username} deleted");
    }

    sealed class Target
    {
        public string Username { get; init; } = "";
        public string Role { get; init; } = "";
        public bool IsActive { get; init; }
    }
}
