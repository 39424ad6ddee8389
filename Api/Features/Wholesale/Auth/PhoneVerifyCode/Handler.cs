using System.Security.Cryptography;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Auth.PhoneVerifyCode;

/// <summary>
/// Each try is counted (and committed) before the code is compared; the sixth try on a code fails even with the right
/// digits, and the code is then used up. A correct code yields a phone session token for the account on that number.
/// </summary>
sealed class Handler(AppDb db, SignInLimit limit, IHttpContextAccessor http, PhoneCodes codes) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string AttemptSql = Sql.Load<Handler>("Attempt.sql");
    static readonly string ConsumeSql = Sql.Load<Handler>("Consume.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var phone = Phones.ToE164(req.Phone)!;
        if ((await limit.CheckAsync(http.HttpContext!, phone)) is { IsError: true } limited) return limited.Errors;

        await using var tx = await db.BeginTransactionAsync(ct);
        if (await db.QueryToListAsync<Attempt>(AttemptSql, new { Phone = phone }, ct) is not [var attempt])
            return Invalid;
        if (attempt.Attempts > PhoneCodes.MaxAttempts)
        {
            await db.ExecuteAsync("update wholesale.phone_codes set consumed_at = now() where id = @Id", new { attempt.Id }, ct);
            await tx.CommitAsync(ct);
            return Error.Validation("Auth.CodeLocked", "Too many wrong codes; request a new code", new Dictionary<string, object> { ["field"] = "code" });
        }
        if (!CryptographicOperations.FixedTimeEquals(codes.Hash(phone, req.Code), attempt.CodeHash))
        {
            await tx.CommitAsync(ct);   // the try counts
            return Invalid;
        }
        var accounts = await db.QueryToListAsync<long>(ConsumeSql, new { CodeId = attempt.Id, Phone = phone }, ct);
        if (accounts is not [var customerId]) { await tx.CommitAsync(ct); return Invalid; }
        var token = await AuthTokens.IssueAsync(db, AuthTokens.Customer, customerId, AuthTokens.PhoneSession, AuthTokens.PhoneSessionLifetime, ct);
        await tx.CommitAsync(ct);
        return new Response(token);
    }

    static readonly Error Invalid = Error.Validation("Auth.InvalidCode", "Invalid or expired code", new Dictionary<string, object> { ["field"] = "code" });

    sealed class Attempt
    {
        public long Id { get; init; }
        public byte[] CodeHash { get; init; } = [];
        public int Attempts { get; init; }
    }
}
