using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.Mail;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Auth.ResendVerification;

/// <summary>Sends at once (the caller is signed in, so there is nothing to hide) and reports whether the mail server took it.</summary>
sealed class Handler(AppDb db, SignInLimit limit, IHttpContextAccessor http, IMailSender mailer, AccountMail mails, VerifyLinks links)
    : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if ((await limit.CheckAsync(http.HttpContext!, $"customer:{req.CustomerId}")) is { IsError: true } limited) return limited.Errors;
        if (await UserView.LoadAsync(db, req.CustomerId, ct) is not { } user) return Error.Unauthorized("Auth.NoAccount", "Authentication required");
        if (user.Email is null) return Error.Failure("Auth.NoEmail", "There is no email address on this account");
        if (user.EmailVerified) return Error.Failure("Auth.AlreadyVerified", "Email is already verified");

        var token = await AuthTokens.IssueAsync(db, AuthTokens.Customer, user.Id, AuthTokens.VerifyEmail, AuthTokens.VerifyLifetime, ct);
        var sent = await mailer.SendAsync(mails.Verification(user.Email, user.Username ?? user.Email, links.For(http.HttpContext!.Request, token)), ct);
        return new Response(sent.Sent ? "Verification email sent" : "Verification email queued", sent.Sent);
    }
}
