using Api.Features.Wholesale.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Auth.Login;

sealed class Handler(AppDb db, SignInLimit limit, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Outcome>>
{
    static readonly string FindSql = Sql.Load<Handler>("FindAccount.sql");
    static readonly string SessionSql = Sql.Load<Handler>("CreateSession.sql");

    public async ValueTask<ErrorOr<Outcome>> Handle(Request req, CancellationToken ct)
    {
        var ctx = http.HttpContext!;
        var username = req.Username.Trim();
        if ((await limit.CheckAsync(ctx, username)) is { IsError: true } limited) return limited.Errors;

        var account = (await db.QueryToListAsync<Account>(FindSql, new { Username = username }, ct)).FirstOrDefault();
        if (!Passwords.Verify(req.Password, account?.PasswordHash))   // a dummy hash when there is no account: equal time
            return Error.Unauthorized("Auth.InvalidCredentials", "Invalid username or password");
        if (!account!.EmailVerified)   // only now, after a correct password, is the unverified state revealed
            return Error.Forbidden("Auth.EmailNotVerified", "Please verify your email address before signing in",
                new Dictionary<string, object> { ["email_verification_required"] = true });

        var token = WholesaleAuth.NewToken();
        var expires = (await db.QueryToListAsync<DateTimeOffset>(SessionSql, new
        {
            CustomerId = account.Id, TokenHash = WholesaleAuth.HashToken(token),
            UserAgent = ctx.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua[..Math.Min(ua.Length, 300)] : null,
            Ip = ctx.Connection.RemoteIpAddress?.ToString(),
        }, ct)).Single();
        var user = await UserView.LoadAsync(db, account.Id, ct);
        return new Outcome(new Response("Login successful", user!), token, expires);
    }

    sealed class Account
    {
        public long Id { get; init; }
        public string? PasswordHash { get; init; }
        public bool EmailVerified { get; init; }
    }
}
