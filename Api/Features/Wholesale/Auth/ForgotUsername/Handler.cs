using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Auth.ForgotUsername;

/// <summary>Answers alike whether or not the address is registered: one lookup either way, the mail leaves after the answer.</summary>
sealed class Handler(AppDb db, SignInLimit limit, IHttpContextAccessor http, AfterResponse outgoing, AccountMail mails)
    : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string FindSql = Sql.Load<Handler>("ForgotUsername.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var email = req.Email.Trim();
        if ((await limit.CheckAsync(http.HttpContext!, email)) is { IsError: true } limited) return limited.Errors;
        if (await db.QueryToListAsync<Row>(FindSql, new { Email = email }, ct) is [var row])
            outgoing.Mail(mails.Username(row.Email, row.Username, staff: false));
        return new Response("If an account uses this email address, its username has been sent to it.", true);
    }

    sealed class Row { public string Username { get; init; } = ""; public string Email { get; init; } = ""; }
}
