using System.Text.Json;
using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Platform.Settings.ListSettings;

sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ListSql = Sql.Load<Handler>("ListSettings.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTenantAsync(ct);
        var rows = await db.QueryToListAsync<Row>(ListSql,
            new { TenantId = tenant.Id, Prefix = req.Prefix ?? "", After = req.After ?? "", Take = req.Limit + 1 }, ct);
        await tx.CommitAsync(ct);
        var page = rows.Take(req.Limit).Select(r =>
        {
            using var doc = JsonDocument.Parse(r.Value);
            return new Item(r.Key, doc.RootElement.Clone(), r.UpdatedAt);
        }).ToList();
        return new Response(page, rows.Count > req.Limit ? page[^1].Key : null);
    }

    sealed class Row
    {
        public string Key { get; init; } = "";
        public string Value { get; init; } = "null";
        public DateTimeOffset UpdatedAt { get; init; }
    }
}
