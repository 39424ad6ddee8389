using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.Wholesale.Admin;

static class KeyAudit
{
    static readonly string AuditSql = Sql.Load<KeyView>("Audit.sql");

    public static Task WriteAsync(DataConnection db, long? staffId, string action, long keyId, string? detailsJson, CancellationToken ct) =>
        db.ExecuteAsync(AuditSql, new { StaffId = staffId, Action = action, KeyId = keyId, Details = detailsJson }, ct);
}
