using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Auth.ChangePassword;

sealed class Handler(AppDb db, SignInLimit limit, IHttpContextAccessor http, AfterResponse outgoing, AccountMail mails)
    : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string HashSql = Sql.Load<Handler>("CurrentHash.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if ((await limit.CheckAsync(http.HttpContext!, $"customer:{req.CustomerId}")) is { IsError: true } limited) return limited.Errors;
        var current = (await db.QueryToListAsync<string?>(HashSql, new { Id = req.CustomerId }, ct)).FirstOrDefault();
        if (!Passwords.Verify(req.CurrentPassword, current))
            return Error.Validation("Auth.WrongPassword", "Current password is incorrect",
                new Dictionary<string, object> { ["field"] = "current_password" });

        await using var tx = await db.BeginTransactionAsync(ct);
        var changed = await CustomerPasswords.SetAsync(db, req.CustomerId, Passwords.Hash(req.NewPassword), req.SessionId, false, ct);
        if (changed is null) return Error.Unauthorized("Auth.NoAccount", "Authentication required");
        await tx.CommitAsync(ct);
        if (changed.Email is { } email) outgoing.Mail(mails.PasswordChanged(email, "changed while signed in"));
        return new Response("Password changed successfully");
    }
}
