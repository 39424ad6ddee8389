using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffAuth.ForgotUsername;

/// <summary>
/// One lookup either way and the mail leaves after the answer. <c>debug_username</c> (only when debug values are exposed,
/// never in Production) is the matched username, else null.
/// </summary>
sealed class Handler(AppDb db, SignInLimit limit, IHttpContextAccessor http, AfterResponse outgoing, AccountMail mails, RecoveryDebug debug)
    : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string FindSql = Sql.Load<Handler>("ForgotUsername.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var email = req.Email.Trim();
        if ((await limit.CheckAsync(http.HttpContext!, "staff:" + email)) is { IsError: true } limited) return limited.Errors;
        string? username = null;
        if (await db.QueryToListAsync<Row>(FindSql, new { Email = email }, ct) is [var row])
        {
            username = row.Username;
            outgoing.Mail(mails.Username(row.Email, row.Username, staff: true));
        }
        return new Response("If a staff account uses this email address, its username has been sent to it.", true, debug.Value(username));
    }

    sealed class Row { public string Username { get; init; } = ""; public string Email { get; init; } = ""; }
}
