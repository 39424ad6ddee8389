using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffProfile.ChangePassword;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        var hashes = await db.QueryToListAsync<string>(
            "select password_hash from wholesale.staff_users where id = @Id and is_active and deleted_at is null for update", new { Id = req.StaffId }, ct);
        if (hashes is not [var hash]) return Error.Unauthorized("Auth.NoAccount", "Authentication required");
        if (!Passwords.Verify(req.CurrentPassword!, hash))
            return Error.Validation("current_password", "Current password is incorrect");
        await db.ExecuteAsync("update wholesale.staff_users set password_hash = @Hash, updated_at = now() where id = @Id",
            new { Id = req.StaffId, Hash = Passwords.Hash(req.NewPassword!) }, ct);
        await db.ExecuteAsync("""
            update wholesale.staff_tokens set revoked_at = now()
            where staff_id = @Id and revoked_at is null and (cast(@Keep as uuid) is null or jti <> @Keep)
            """, new { Id = req.StaffId, Keep = req.Token }, ct);
        await db.ExecuteAsync("""
            update wholesale.auth_tokens set used_at = now()
            where subject_kind = 'staff' and subject_id = @Id and purpose = 'reset_password' and used_at is null
            """, new { Id = req.StaffId }, ct);
        await tx.CommitAsync(ct);
        return new Response("Password changed successfully");
    }
}
