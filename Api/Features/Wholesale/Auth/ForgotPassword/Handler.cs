using Api.Features.Wholesale.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Auth.ForgotPassword;

/// <summary>
/// Answers alike whether or not an account matches: the same statement runs (it inserts a token only on a match), a token is
/// generated and hashed either way, and the mail leaves after the answer (<see cref="AfterResponse"/>), so neither body,
/// status nor time tells. <c>debug_token</c> (when exposed) is the generated value either way.
/// </summary>
sealed class Handler(AppDb db, SignInLimit limit, IHttpContextAccessor http, AfterResponse outgoing, AccountMail mails, RecoveryDebug debug)
    : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ForgotSql = Sql.Load<Handler>("ForgotPassword.sql");
    internal const string Message = "If an account matches, a password reset link has been sent to its email address.";

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if ((await limit.CheckAsync(http.HttpContext!, req.Value)) is { IsError: true } limited) return limited.Errors;
        var token = WholesaleAuth.NewToken();
        var emails = await db.QueryToListAsync<string>(ForgotSql, new { Identifier = req.Value, TokenHash = WholesaleAuth.HashToken(token) }, ct);
        if (emails is [var email]) outgoing.Mail(mails.CustomerReset(email, token));
        return new Response(Message, true, debug.Value(token));
    }
}
