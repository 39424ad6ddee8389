using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.AdPriority.Rules.ListRules;

sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ListSql = Sql.Load<Handler>("ListRules.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var args = new { TenantId = Guid.Parse(tenant.Id!) };
        await using var tx = await db.BeginTenantAsync(ct);
        var rows = await db.QueryToListAsync<Row>(ListSql, args, ct);
        var types = (await db.QueryToListAsync<TypeCount>(RuleModifiers.TypeCountsSql, args, ct)).Select(t => (t.Type, t.Count)).ToList();
        await tx.CommitAsync(ct);
        return new Response(rows.Select(r => new Item(r.Id, r.ProductTypePattern, r.Season, r.BasePriority, RuleModifiers.Parse(r.Modifiers),
            RuleModifiers.Matching(r.ProductTypePattern, types), r.CreatedAt, r.UpdatedAt)).ToList(), rows.Count);
    }

    sealed class TypeCount { public string Type { get; init; } = ""; public int Count { get; init; } }

    sealed class Row
    {
        public Guid Id { get; init; }
        public string ProductTypePattern { get; init; } = "";
        public string? Season { get; init; }
        public int BasePriority { get; init; }
        public string Modifiers { get; init; } = "{}";
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
    }
}
