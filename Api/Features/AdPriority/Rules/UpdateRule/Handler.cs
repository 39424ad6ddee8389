using System.Text.Json;
using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Npgsql;

namespace Api.Features.AdPriority.Rules.UpdateRule;

sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string UpdateSql = Sql.Load<Handler>("UpdateRule.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTenantAsync(ct);
        List<Row> rows;
        try
        {
            rows = await db.QueryToListAsync<Row>(UpdateSql, new
            {
                TenantId = Guid.Parse(tenant.Id!), req.Id, Pattern = req.ProductTypePattern?.Trim(), req.SeasonGiven, req.Season, req.BasePriority,
                Modifiers = req.Modifiers is { ValueKind: not JsonValueKind.Null } ? RuleModifiers.Json(req.Modifiers) : null,
            }, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return Error.Conflict("DUPLICATE_RULE", "A rule with this pattern and season already exists");
        }
        await tx.CommitAsync(ct);
        if (rows is not [var r]) return Error.NotFound("NOT_FOUND", "Rule not found");
        return new Response(r.Id, r.ProductTypePattern, r.Season, r.BasePriority, RuleModifiers.Parse(r.Modifiers), r.UpdatedAt);
    }

    sealed class Row
    {
        public Guid Id { get; init; }
        public string ProductTypePattern { get; init; } = "";
        public string? Season { get; init; }
        public int BasePriority { get; init; }
        public string Modifiers { get; init; } = "{}";
        public DateTime UpdatedAt { get; init; }
    }
}
