using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Npgsql;

namespace Api.Features.Wholesale.Auth.Register;

sealed class Handler(AppDb db, SignInLimit limit, IHttpContextAccessor http, AfterResponse outgoing, AccountMail mails, VerifyLinks links)
    : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string InsertSql = Sql.Load<Handler>("Register.sql");
    static readonly string DuplicateSql = Sql.Load<Handler>("Duplicate.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var ctx = http.HttpContext!;
        if ((await limit.CheckAsync(ctx, req.Email!)) is { IsError: true } limited) return limited.Errors;
        var args = new
        {
            Username = req.Username.Trim(), Email = req.Email!.Trim(), PasswordHash = Passwords.Hash(req.Password),
            CompanyName = Blank(req.CompanyName), Phone = Phones.ToE164(req.Phone), BusinessType = Blank(req.BusinessType),
            BusinessEin = Blank(req.BusinessEin), ResaleCertificate = Blank(req.ResaleCertificate), StateOfOperation = Blank(req.StateOfOperation),
        };
        long id;
        string token;
        await using (var tx = await db.BeginTransactionAsync(ct))
        {
            List<long> ids;
            try { ids = await db.QueryToListAsync<long>(InsertSql, args, ct); }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation) { ids = []; }   // a concurrent twin won
            if (ids is not [var created])
            {
                await tx.RollbackAsync(ct);
                var field = (await db.QueryToListAsync<string?>(DuplicateSql, args, ct)).FirstOrDefault() ?? "username";
                return Error.Conflict("User.Duplicate", $"An account with this {field} already exists", new Dictionary<string, object>
                {
                    ["duplicate_field"] = field,
                    ["hint"] = "Sign in instead, or use forgot-username / forgot-password to recover the account",
                });
            }
            id = created;
            token = await AuthTokens.IssueAsync(db, AuthTokens.Customer, id, AuthTokens.VerifyEmail, AuthTokens.VerifyLifetime, ct);
            await tx.CommitAsync(ct);
        }
        outgoing.Mail(mails.Verification(args.Email, args.Username, links.For(ctx.Request, token)));
        var user = await UserView.LoadAsync(db, id, ct);
        return new Response("Account created. Check your email to verify your address before signing in.", true, user!);
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
