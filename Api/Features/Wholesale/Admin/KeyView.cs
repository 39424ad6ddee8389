using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.Wholesale.Admin;

/// <summary>
/// An API key as admins see it: the document's fields plus <c>scopes</c>. Never the hash, never the raw key (shown once, by
/// create). <c>created_by</c>/<c>revoked_by</c> are staff usernames. <c>use_count</c>/<c>last_used_at</c> are the batched
/// counters (<see cref="Api.Infrastructure.Auth.WholesaleKeyUsage"/>), flushed before each admin read.
/// </summary>
sealed record KeyView
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Prefix { get; init; } = "";
    public string KeyPreview { get; init; } = "";
    public string? Description { get; init; }
    public string[] Scopes { get; init; } = [];
    public bool IsActive { get; init; }
    public DateTime CreatedAt { get; init; }
    public string? CreatedBy { get; init; }
    public DateTime? ExpiresAt { get; init; }
    public DateTime? RevokedAt { get; init; }
    public string? RevokedBy { get; init; }
    public DateTime? LastUsedAt { get; init; }
    public long UseCount { get; init; }

    static readonly string ByIdSql = Sql.Load<KeyView>("KeyView.sql");

    public static async Task<KeyView?> LoadAsync(DataConnection db, long id, CancellationToken ct) =>
        await db.QueryToListAsync<KeyView>(ByIdSql, new { Id = (long?)id }, ct) is [var k] ? k : null;

    public static async Task<List<KeyView>> ListAsync(DataConnection db, CancellationToken ct) =>
        await db.QueryToListAsync<KeyView>(ByIdSql, new { Id = (long?)null }, ct);
}
