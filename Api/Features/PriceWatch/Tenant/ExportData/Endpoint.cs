using System.Text.Json;
using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using Mediator;
using Npgsql;

namespace Api.Features.PriceWatch.Tenant.ExportData;

/// <summary>
/// <c>GET /api/tenant/data/export</c> (owner, admin): every tenant table as JSON, streamed row by row from one snapshot
/// (repeatable-read transaction) straight to the response, so memory stays flat whatever the size:
/// <c>{"tenant_id", "exported_at", "tables": {"competitors": [...], ...}, "row_counts": {...}}</c>. Credentials are not exported.
/// </summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("api/tenant/data/export");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Export all tenant data as JSON").Produces(200, contentType: "application/json"));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new Request(), ct);
        if (result.IsError) { await ApiErrors.WriteAsync(HttpContext, ApiErrors.From(result.Errors), ct); return; }
        HttpContext.Response.StatusCode = 200;
        HttpContext.Response.ContentType = "application/json";
        HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"pricewatch-export-{DateTime.UtcNow:yyyyMMdd}.json\"";
        await result.Value.WriteAsync(HttpContext.Response.Body, ct);
    }
}

sealed record Request : IRequest<ErrorOr<Exporter>>;

sealed class Handler(Db db, Caller caller) : IRequestHandler<Request, ErrorOr<Exporter>>
{
    public ValueTask<ErrorOr<Exporter>> Handle(Request req, CancellationToken ct) =>
        ValueTask.FromResult<ErrorOr<Exporter>>(caller.Require("admin") is { } forbidden ? forbidden : new Exporter(db, caller.TenantId));
}

sealed class Exporter(Db db, Guid tenant)
{
    /// <summary>The thirteen tenant tables, with a stable order for each.</summary>
    public static readonly (string Table, string Order)[] Tables =
    [
        ("competitors", "created_at, id"), ("product_tracking", "id"), ("price_history", "id"), ("brand_products", "id"),
        ("product_matches", "id"), ("scrape_sessions", "started_at, id"), ("scrape_logs", "id"), ("sync_sessions", "started_at, id"),
        ("matching_sessions", "started_at, id"), ("alert_configs", "tenant_id"), ("alert_history", "id"), ("scrape_schedules", "tenant_id"),
        ("industry_profiles", "id"),
    ];

    public async Task WriteAsync(Stream body, CancellationToken ct)
    {
        await using var conn = await db.App.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using (var set = new NpgsqlCommand("select set_config('app.tenant_id', $1, true)", conn, tx))
        {
            set.Parameters.Add(new NpgsqlParameter { Value = tenant.ToString() });
            await set.ExecuteNonQueryAsync(ct);
        }
        await using var json = new Utf8JsonWriter(body, new JsonWriterOptions { SkipValidation = true });
        json.WriteStartObject();
        json.WriteString("tenant_id", tenant);
        json.WriteString("exported_at", DateTimeOffset.UtcNow);
        json.WriteStartObject("tables");
        var counts = new Dictionary<string, long>();
        foreach (var (table, order) in Tables)
        {
            json.WritePropertyName(table);
            json.WriteStartArray();
            long n = 0;
            await using (var cmd = new NpgsqlCommand($"select row_to_json(t)::text from pricewatch.{table} t where t.tenant_id = $1 order by {order}", conn, tx))
            {
                cmd.Parameters.Add(new NpgsqlParameter { Value = tenant });
                await using var r = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
                while (await r.ReadAsync(ct))
                {
                    json.WriteRawValue(r.GetString(0), skipInputValidation: true);
                    if (++n % 500 == 0) await json.FlushAsync(ct);
                }
            }
            json.WriteEndArray();
            counts[table] = n;
            await json.FlushAsync(ct);
        }
        json.WriteEndObject();
        json.WriteStartObject("row_counts");
        foreach (var (t, n) in counts) json.WriteNumber(t, n);
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(ct);
        await tx.CommitAsync(ct);
    }
}
