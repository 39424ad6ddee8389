using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Auth.PhoneResetPassword;

sealed class Handler(AppDb db, SignInLimit limit, IHttpContextAccessor http, AfterResponse outgoing, AccountMail mails)
    : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if ((await limit.CheckAsync(http.HttpContext!, "phone-session:" + req.PhoneSessionToken)) is { IsError: true } limited) return limited.Errors;
        var hash = Passwords.Hash(req.Password);
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await AuthTokens.ConsumeAsync(db, AuthTokens.Customer, AuthTokens.PhoneSession, req.PhoneSessionToken.Trim(), ct) is not { Ok: true } used)
            return Invalid;
        if (await CustomerPasswords.SetAsync(db, used.SubjectId, hash, null, false, ct) is not { } changed) return Invalid;
        await tx.CommitAsync(ct);
        if (changed.Email is { } email) outgoing.Mail(mails.PasswordChanged(email, "reset with a code texted to your phone"));
        return new Response("Password has been reset. You can now sign in.");
    }

    static readonly Error Invalid = Error.Validation("Auth.InvalidPhoneSession", "Invalid or expired phone session token",
        new Dictionary<string, object> { ["field"] = "phone_session_token" });
}
