using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Auth.PhoneLookupUsername;

sealed class Handler(AppDb db, SignInLimit limit, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string UsernameSql = Sql.Load<Handler>("Username.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if ((await limit.CheckAsync(http.HttpContext!, "phone-session:" + req.PhoneSessionToken)) is { IsError: true } limited) return limited.Errors;
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await AuthTokens.ConsumeAsync(db, AuthTokens.Customer, AuthTokens.PhoneSession, req.PhoneSessionToken.Trim(), ct) is not { Ok: true } used)
            return Invalid;
        if (await db.QueryToListAsync<string>(UsernameSql, new { Id = used.SubjectId }, ct) is not [var username]) return Invalid;
        await tx.CommitAsync(ct);
        return new Response(PhoneCodes.MaskUsername(username));
    }

    static readonly Error Invalid = Error.Validation("Auth.InvalidPhoneSession", "Invalid or expired phone session token",
        new Dictionary<string, object> { ["field"] = "phone_session_token" });
}
