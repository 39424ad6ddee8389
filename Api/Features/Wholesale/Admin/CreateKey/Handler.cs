using System.Text.Json;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Security;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Admin.CreateKey;

sealed class Handler(AppDb db, IHttpContextAccessor http, BusinessClock clock) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string InsertSql = Sql.Load<Handler>("CreateKey.sql");
    const string Warning = "Store this key now: it is shown only once and cannot be recovered.";

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        DateTimeOffset? expires = null;
        if (!string.IsNullOrWhiteSpace(req.ExpiresAt))
        {
            // a date means "through that day" in the business's time zone: the key stops at the next midnight there
            expires = Request.TryDate(req.ExpiresAt, out var day)
                ? new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), clock.Zone), TimeSpan.Zero)
                : Request.TryInstant(req.ExpiresAt, out var at) ? at : null;
            if (expires <= DateTimeOffset.UtcNow) return Error.Validation("expires_at", "Must be in the future");
        }
        var prefix = req.Prefix!.Trim();
        var raw = Hashing.NewApiKey(prefix);
        var scopes = (req.Scopes is { Count: > 0 } s ? s.Distinct() : WholesaleAuth.DefaultScopes).ToArray();
        var staffId = http.HttpContext!.User.StaffId();

        await using var tx = await db.BeginTransactionAsync(ct);
        var id = await db.ExecuteAsync<long>(InsertSql, new
        {
            Name = req.Name!.Trim(), Prefix = prefix, KeyHash = Hashing.HashApiKey(raw), KeyPreview = $"{prefix}...{raw[^4..]}",
            Description = string.IsNullOrWhiteSpace(req.Description) ? null : req.Description.Trim(), Scopes = scopes,
            CreatedBy = staffId, ExpiresAt = expires,
        }, ct);
        await KeyAudit.WriteAsync(db, staffId, "api_key.create", id, JsonSerializer.Serialize(new { scopes }), ct);
        var key = (await KeyView.LoadAsync(db, id, ct))!;
        await tx.CommitAsync(ct);
        return new Response
        {
            Id = key.Id, Name = key.Name, Prefix = key.Prefix, KeyPreview = key.KeyPreview, Description = key.Description, Scopes = key.Scopes,
            IsActive = key.IsActive, CreatedAt = key.CreatedAt, CreatedBy = key.CreatedBy, ExpiresAt = key.ExpiresAt, RevokedAt = key.RevokedAt,
            RevokedBy = key.RevokedBy, LastUsedAt = key.LastUsedAt, UseCount = key.UseCount, RawKey = raw, Warning = Warning,
        };
    }
}
