using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.AdPriority.Rules.CreateRule;

sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string InsertSql = Sql.Load<Handler>("CreateRule.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var pattern = req.ProductTypePattern!.Trim();
        await using var tx = await db.BeginTenantAsync(ct);
        var rows = await db.QueryToListAsync<Row>(InsertSql, new
        {
            TenantId = Guid.Parse(tenant.Id!), Pattern = pattern, req.Season, BasePriority = req.BasePriority!.Value, Modifiers = RuleModifiers.Json(req.Modifiers),
        }, ct);
        await tx.CommitAsync(ct);
        if (rows is not [var r])
            return Error.Conflict("DUPLICATE_RULE", "A rule with this pattern and season already exists",
                new() { ["productTypePattern"] = pattern, ["season"] = req.Season ?? "all-season" });
        return new Response(r.Id, pattern, req.Season, req.BasePriority.Value, RuleModifiers.Parse(r.Modifiers), r.CreatedAt);
    }

    sealed class Row { public Guid Id { get; init; } public string Modifiers { get; init; } = "{}"; public DateTime CreatedAt { get; init; } }
}
