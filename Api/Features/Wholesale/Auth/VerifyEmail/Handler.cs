using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using LinqToDB.Data;
using Mediator;
using Microsoft.Extensions.Options;

namespace Api.Features.Wholesale.Auth.VerifyEmail;

sealed class Handler(AppDb db, SignInLimit limit, IHttpContextAccessor http, IOptions<WholesaleOptions> options) : IRequestHandler<Request, string>
{
    static readonly string VerifySql = Sql.Load<Handler>("VerifyEmail.sql");

    public async ValueTask<string> Handle(Request req, CancellationToken ct)
    {
        if ((await limit.CheckAsync(http.HttpContext!, "verify:" + req.Token)).IsError) return To("invalid");
        await using var tx = await db.BeginTransactionAsync(ct);
        var used = await AuthTokens.ConsumeAsync(db, AuthTokens.Customer, AuthTokens.VerifyEmail, req.Token, ct);
        if (used is null || used.Used) return To("invalid");
        if (used.Expired) return To("expired");
        var rows = await db.ExecuteAsync(VerifySql, new { Id = used.SubjectId }, ct);
        if (rows == 0) return To("invalid");
        await tx.CommitAsync(ct);
        return To("success");
    }

    string To(string status)
    {
        var front = options.Value.FrontendUrl.TrimEnd('/');
        return $"{front}{(front.Contains('?') ? '&' : '?')}email_verified={status}";
    }
}
