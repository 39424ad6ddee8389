using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffAuth.ResetPassword;

sealed class Handler(AppDb db, SignInLimit limit, IHttpContextAccessor http, AfterResponse outgoing, AccountMail mails)
    : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ResetSql = Sql.Load<Handler>("ResetPassword.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if ((await limit.CheckAsync(http.HttpContext!, "staff-reset:" + req.Token)) is { IsError: true } limited) return limited.Errors;
        var hash = Passwords.Hash(req.Password);
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await AuthTokens.ConsumeAsync(db, AuthTokens.Staff, AuthTokens.ResetPassword, req.Token.Trim(), ct) is not { Ok: true } used)
            return Invalid;
        if (await db.QueryToListAsync<Row>(ResetSql, new { Id = used.SubjectId, Hash = hash }, ct) is not [var row]) return Invalid;
        await tx.CommitAsync(ct);
        if (row.Email is { } email) outgoing.Mail(mails.PasswordChanged(email, "staff password reset with an emailed link"));
        return new Response("Password has been reset. You can now sign in.");
    }

    static readonly Error Invalid = Error.Validation("Auth.InvalidResetToken", "Invalid or expired reset token",
        new Dictionary<string, object> { ["field"] = "token" });

    sealed class Row { public string? Email { get; init; } }
}
