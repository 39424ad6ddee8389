using Api.Features.Wholesale.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffAuth.ForgotPassword;

/// <summary>As the customer one: same statement, same token work and a mail sent after the answer, match or not.</summary>
sealed class Handler(AppDb db, SignInLimit limit, IHttpContextAccessor http, AfterResponse outgoing, AccountMail mails, RecoveryDebug debug)
    : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ForgotSql = Sql.Load<Handler>("ForgotPassword.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var identifier = req.Identifier.Trim();
        if ((await limit.CheckAsync(http.HttpContext!, "staff:" + identifier)) is { IsError: true } limited) return limited.Errors;
        var token = WholesaleAuth.NewToken();
        var emails = await db.QueryToListAsync<string>(ForgotSql, new { Identifier = identifier, TokenHash = WholesaleAuth.HashToken(token) }, ct);
        if (emails is [var email]) outgoing.Mail(mails.StaffReset(email, token));
        return new Response("If a staff account matches, a password reset link has been sent to its email address.", true, debug.Value(token));
    }
}
