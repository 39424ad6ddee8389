using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Npgsql;

namespace Api.Features.Wholesale.StaffUsers.CreateUser;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<StaffUserView>>
{
    public async ValueTask<ErrorOr<StaffUserView>> Handle(Request req, CancellationToken ct)
    {
        var role = req.Role ?? "staff";
        if (role == "admin" && req.Caller.Role != "admin") return Error.Forbidden("Staff.AdminRequired", "Only an admin can create an admin");
        var (splitFirst, splitLast) = StaffRules.SplitFullName(req.FullName);
        long id;
        try
        {
            id = (await db.QueryToListAsync<long>("""
                insert into wholesale.staff_users (username, email, password_hash, role, first_name, last_name, full_name)
                values (@Username, cast(nullif(@Email, '') as citext), @Hash, @Role, @First, @Last, @Full) returning id
                """, new
            {
                Username = req.Username!.Trim(), Email = req.Email?.Trim(), Hash = Passwords.Hash(req.Password!), Role = role,
                First = N(req.FirstName) ?? splitFirst, Last = N(req.LastName) ?? splitLast, Full = N(req.FullName),
            }, ct))[0];
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            var field = e.ConstraintName?.Contains("email") == true ? "email" : "username";
            return Error.Conflict("Staff.Duplicate", $"A staff user with this {field} already exists", new Dictionary<string, object> { ["duplicate_field"] = field });
        }
        return (await StaffUserView.LoadAsync(db, id, ct))!;
    }

    static string? N(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
