using System.Globalization;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Auth.PhoneSendCode;

/// <summary>
/// Every plausible number gets the same answer and the same work (a stored code, the 3-per-15-minutes count); only a number
/// a live login account uses gets a text, sent after the answer. <c>sms_sent</c> is therefore always true.
/// </summary>
sealed class Handler(AppDb db, SignInLimit limit, IHttpContextAccessor http, PhoneCodes codes, AfterResponse outgoing, RecoveryDebug debug)
    : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string SendSql = Sql.Load<Handler>("SendCode.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var phone = Phones.ToE164(req.Phone)!;
        var ctx = http.HttpContext!;
        if ((await limit.CheckAsync(ctx, phone)) is { IsError: true } limited) return limited.Errors;
        var code = PhoneCodes.NewCode();
        Row row;
        await using (var tx = await db.BeginTransactionAsync(ct))
        {
            await db.ExecuteAsync("select pg_advisory_xact_lock(hashtextextended(@Phone, 12))", new { Phone = phone }, ct);
            row = (await db.QueryToListAsync<Row>(SendSql, new { Phone = phone, CodeHash = codes.Hash(phone, code), PhoneCodes.MaxSends }, ct)).Single();
            await tx.CommitAsync(ct);
        }
        if (!row.Issued)
        {
            ctx.Response.Headers.RetryAfter = Math.Max(1, row.RetryAfterSeconds).ToString(CultureInfo.InvariantCulture);
            return Error.Custom(429, "Auth.TooManyCodes", "Too many codes were requested for this phone; try again later");
        }
        if (row.HasAccount)
            outgoing.Sms(phone, $"Your LLD verification code is {code}. It expires in 10 minutes. Never share it.", "password_recovery");
        return new Response("If an account uses this phone number, a verification code has been sent to it.", true, debug.Value(code));
    }

    sealed class Row
    {
        public bool Issued { get; init; }
        public int RetryAfterSeconds { get; init; }
        public bool HasAccount { get; init; }
    }
}
