using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Npgsql;

namespace Api.Features.Wholesale.StaffProfile.UpdateEmail;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var email = req.NewEmail!.Trim();
        try
        {
            var rows = await db.QueryToListAsync<string>("""
                update wholesale.staff_users set email = cast(@Email as citext), updated_at = now()
                where id = @Id and is_active and deleted_at is null returning email::text
                """, new { Id = req.StaffId, Email = email }, ct);
            return rows is [var saved] ? new Response(true, saved) : Error.Unauthorized("Auth.NoAccount", "Authentication required");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return Error.Conflict("Staff.EmailTaken", "Another staff user uses this email", new Dictionary<string, object> { ["duplicate_field"] = "email" });
        }
    }
}
