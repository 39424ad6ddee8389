using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Auth.ResetPassword;

sealed class Handler(AppDb db, SignInLimit limit, IHttpContextAccessor http, AfterResponse outgoing, AccountMail mails)
    : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if ((await limit.CheckAsync(http.HttpContext!, "reset:" + req.Token)) is { IsError: true } limited) return limited.Errors;
        var hash = Passwords.Hash(req.Password);
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await AuthTokens.ConsumeAsync(db, AuthTokens.Customer, AuthTokens.ResetPassword, req.Token.Trim(), ct) is not { Ok: true } used)
            return Invalid;
        if (await CustomerPasswords.SetAsync(db, used.SubjectId, hash, null, true, ct) is not { } changed) return Invalid;
        await tx.CommitAsync(ct);
        if (changed.Email is { } email) outgoing.Mail(mails.PasswordChanged(email, "reset with an emailed link"));
        return new Response("Password has been reset. You can now sign in.");
    }

    static readonly Error Invalid = Error.Validation("Auth.InvalidResetToken", "Invalid or expired reset token",
        new Dictionary<string, object> { ["field"] = "token" });
}
