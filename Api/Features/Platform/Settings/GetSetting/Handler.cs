using System.Text.Json;
using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Platform.Settings.GetSetting;

sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string GetSql = Sql.Load<Handler>("GetSetting.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var rows = await db.ReadTenantAsync<Row>(GetSql, new { req.Key, TenantId = tenant.Id }, ct);   // one round trip
        if (rows is not [var row]) return Error.NotFound("SETTING_NOT_FOUND", $"Setting '{req.Key}' does not exist.");
        using var value = JsonDocument.Parse(row.Value);
        return new Response(row.Key, value.RootElement.Clone(), row.UpdatedAt);
    }

    sealed class Row
    {
        public string Key { get; init; } = "";
        public string Value { get; init; } = "null";
        public DateTimeOffset UpdatedAt { get; init; }
    }
}
