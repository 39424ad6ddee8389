using Api.Features.AdPriority.Scoring;
using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.AdPriority.Priorities.UpdatePriority;

sealed class Handler(AppDb db, TenantContext tenant, Recalculator recalculator) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string VariantSql = Sql.Load<Handler>("FindVariant.sql");
    static readonly string UpdateSql = Sql.Load<Handler>("UpdatePriority.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var tenantId = Guid.Parse(tenant.Id!);
        await using var tx = await db.BeginTenantAsync(ct);
        var found = await db.QueryToListAsync<VariantRow>(VariantSql, new { TenantId = tenantId, req.VariantId }, ct);
        if (found is not [var variant]) return Error.NotFound("NOT_FOUND", "Variant not found");
        if (!variant.Scored && await Tenant.GetAsync(db, tenantId, ct) is { } t)   // never calculated: score it first so every label exists
            await recalculator.RunAsync(t, new RecalcScope(ProductIds: [variant.ProductId]), ct);

        var locked = req.Override ?? true;
        var rows = await db.QueryToListAsync<Row>(UpdateSql, new
        {
            TenantId = tenantId, req.VariantId, variant.ProductId, Priority = req.Priority!.Value, Locked = locked,
            Reason = locked ? req.OverrideReason : null, Label0 = ScoringEngine.PriorityLabel(req.Priority.Value),
        }, ct);
        await tx.CommitAsync(ct);
        var r = rows.Single();
        return new Response(req.VariantId, r.Priority, r.PreviousPriority, r.IsOverride, r.OverrideReason,
            new Labels(r.Label0, r.Label1, r.Label2, r.Label3, r.Label4), r.CalculatedAt);
    }

    sealed class VariantRow
    {
        public Guid ProductId { get; init; }
        public bool Scored { get; init; }
    }

    sealed class Row
    {
        public int Priority { get; init; }
        public int? PreviousPriority { get; init; }
        public bool IsOverride { get; init; }
        public string? OverrideReason { get; init; }
        public string Label0 { get; init; } = "";
        public string Label1 { get; init; } = "";
        public string Label2 { get; init; } = "";
        public string Label3 { get; init; } = "";
        public string Label4 { get; init; } = "";
        public DateTime CalculatedAt { get; init; }
    }
}
