using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Npgsql;

namespace Api.Features.Wholesale.StaffUsers.UpdateUser;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<StaffUserView>>
{
    static readonly string UpdateSql = Sql.Load<Handler>("UpdateUser.sql");

    public async ValueTask<ErrorOr<StaffUserView>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        var targets = await db.QueryToListAsync<Target>(
            "select role as \"Role\", is_active as \"IsActive\" from wholesale.staff_users where id = @UserId and deleted_at is null for update",
            new { req.UserId }, ct);
        if (targets is not [var target]) return Error.NotFound("Staff.NotFound", "Staff user not found");
        var callerIsAdmin = req.Caller.Role == "admin";
        if (target.Role == "admin" && !callerIsAdmin) return Error.Forbidden("Staff.AdminRequired", "Only an admin can edit an admin");
        if (req.Role == "admin" && target.Role != "admin" && !callerIsAdmin) return Error.Forbidden("Staff.AdminRequired", "Only an admin can promote to admin");
        var demotes = target.Role == "admin" && target.IsActive && ((req.Role is not null && req.Role != "admin") || req.IsActive == false);
        if (demotes && !await StaffRules.AnotherActiveAdminAsync(db, req.UserId, ct))
            return Error.Conflict("Staff.LastAdmin", "The last active admin cannot be demoted or deactivated");

        var (splitFirst, splitLast) = StaffRules.SplitFullName(req.FullName);
        try
        {
            await db.ExecuteAsync(UpdateSql, new
            {
                req.UserId,
                SetFull = req.FullName is not null, FullName = N(req.FullName),
                SetFirst = req.FirstName is not null || req.FullName is not null, FirstName = req.FirstName is not null ? N(req.FirstName) : splitFirst,
                SetLast = req.LastName is not null || req.FullName is not null, LastName = req.LastName is not null ? N(req.LastName) : splitLast,
                SetEmail = req.Email is not null, Email = N(req.Email),
                SetRole = req.Role is not null, req.Role,
                SetActive = req.IsActive is not null, IsActive = req.IsActive ?? true,
                SetPassword = req.Password is not null, Hash = req.Password is null ? null : Passwords.Hash(req.Password),
            }, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return Error.Conflict("Staff.Duplicate", "A staff user with this email already exists", new Dictionary<string, object> { ["duplicate_field"] = "email" });
        }
        if (req.IsActive == false)
            await StaffRules.RevokeTokensAsync(db, req.UserId, null, ct);
        else if (req.Password is not null)
            await StaffRules.RevokeTokensAsync(db, req.UserId, req.UserId == req.Caller.Id ? req.CallerToken : null, ct);
        await db.ExecuteAsync("""
            insert into wholesale.audit_log (actor_kind, actor_id, action, entity, entity_id, details)
            values ('staff', @ActorId, 'staff_user.updated', 'staff_user', @Id, jsonb_build_object('role', @Role, 'is_active', @IsActive, 'password_changed', @Pw))
            """, new { ActorId = req.Caller.Id, Id = req.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture), req.Role, req.IsActive, Pw = req.Password is not null }, ct);
        await tx.CommitAsync(ct);
        return (await StaffUserView.LoadAsync(db, req.UserId, ct))!;
    }

    static string? N(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    sealed class Target
    {
        public string Role { get; init; } = "";
        public bool IsActive { get; init; }
    }
}
