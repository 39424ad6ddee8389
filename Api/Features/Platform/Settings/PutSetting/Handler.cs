using System.Text.Json;
using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Platform.Settings.PutSetting;

sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string UpsertSql = Sql.Load<Handler>("PutSetting.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTenantAsync(ct);
        var rows = await db.QueryToListAsync<Row>(UpsertSql, new { TenantId = tenant.Id, req.Key, Value = req.Value.GetRawText() }, ct);
        await tx.CommitAsync(ct);
        var row = rows.Single();
        using var value = JsonDocument.Parse(row.Value);
        return new Response(row.Key, value.RootElement.Clone(), row.UpdatedAt, row.Created);
    }

    sealed class Row
    {
        public string Key { get; init; } = "";
        public string Value { get; init; } = "null";
        public DateTimeOffset UpdatedAt { get; init; }
        public bool Created { get; init; }
    }
}
