using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.AdPriority.Rules.DeleteRule;

sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var args = new { TenantId = Guid.Parse(tenant.Id!), req.Id };
        await using var tx = await db.BeginTenantAsync(ct);
        var deleted = await db.QueryToListAsync<string>(
            "delete from adpriority.category_rules where tenant_id = @TenantId and id = @Id returning product_type_pattern", args, ct);
        if (deleted is not [var pattern]) return Error.NotFound("NOT_FOUND", "Rule not found");
        var types = (await db.QueryToListAsync<TypeCount>(RuleModifiers.TypeCountsSql, args, ct)).Select(t => (t.Type, t.Count)).ToList();
        await tx.CommitAsync(ct);
        return new Response(true, req.Id, RuleModifiers.Matching(pattern, types), "Rule deleted. Run recalculation to update affected products.");
    }

    sealed class TypeCount { public string Type { get; init; } = ""; public int Count { get; init; } }
}
