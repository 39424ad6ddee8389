using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.Wholesale.Common;

/// <summary>
/// Single-use tokens in <c>wholesale.auth_tokens</c> (email verification, password resets of customers and staff, phone
/// session tokens): the raw value goes to the user once, only its SHA-256 is stored, and consuming one marks it used in the
/// same statement, so two concurrent uses cannot both succeed.
/// </summary>
static class AuthTokens
{
    public const string Customer = "customer", Staff = "staff";
    public const string VerifyEmail = "verify_email", ResetPassword = "reset_password", PhoneSession = "phone_session";

    public static readonly TimeSpan VerifyLifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan PhoneSessionLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Issues a token for the subject, retiring its earlier unused tokens of the same purpose.</summary>
    public static async Task<string> IssueAsync(AppDb db, string kind, long subjectId, string purpose, TimeSpan lifetime, CancellationToken ct)
    {
        var token = WholesaleAuth.NewToken();
        await db.ExecuteAsync("""
            with retired as (
                update wholesale.auth_tokens set used_at = now()
                 where subject_kind = @kind and subject_id = @subjectId and purpose = @purpose and used_at is null
            )
            insert into wholesale.auth_tokens (subject_kind, subject_id, purpose, token_hash, expires_at)
            values (@kind, @subjectId, @purpose, @hash, now() + make_interval(secs => @seconds))
            """, new { kind, subjectId, purpose, hash = WholesaleAuth.HashToken(token), seconds = lifetime.TotalSeconds }, ct);
        return token;
    }

    public sealed record Consumed(long SubjectId, bool Expired, bool Used)
    {
        public bool Ok => !Expired && !Used;
    }

    /// <summary>Marks a live, unused token used and names its subject; null when no such token exists at all.</summary>
    public static async Task<Consumed?> ConsumeAsync(AppDb db, string kind, string purpose, string token, CancellationToken ct)
    {
        if (token.Length is 0 or > 200) return null;
        var rows = await db.QueryToListAsync<Row>("""
            with t as (
                select id, subject_id, expires_at, used_at from wholesale.auth_tokens
                 where token_hash = @hash and purpose = @purpose and subject_kind = @kind
            ), u as (
                update wholesale.auth_tokens a set used_at = now()
                  from t where a.id = t.id and a.used_at is null and a.expires_at > now()
                returning a.id
            )
            select t.subject_id as "SubjectId", t.expires_at <= now() as "Expired", not exists (select from u) as "Used" from t
            """, new { hash = WholesaleAuth.HashToken(token), purpose, kind }, ct);
        return rows is [var r] ? new Consumed(r.SubjectId, r.Expired, r.Used && !r.Expired) : null;
    }

    sealed class Row { public long SubjectId { get; init; } public bool Expired { get; init; } public bool Used { get; init; } }
}
