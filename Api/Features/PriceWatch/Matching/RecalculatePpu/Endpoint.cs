using Api.Features.PriceWatch.Common;
using Api.Features.PriceWatch.Common.Matching;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Matching.RecalculatePpu;

/// <summary>
/// <c>POST /api/match/recalculate-ppu</c>: recomputes pack_quantity (from variant titles for own products, names for
/// competitor products; 1 without an indicator) and price per unit for every product of the tenant; counts the rows that changed.
/// </summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("api/match/recalculate-ppu");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Recompute pack quantity and price per unit").Produces<Response>());
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>;

sealed record Response(string Status, int UpdatedBrandProducts, int UpdatedProductTracking);

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Require("member") is { } forbidden) return forbidden;
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var brand = await RecalculateAsync("brand_products", "coalesce(variant_title, '') || ' ' || title", ct);
        var tracking = await RecalculateAsync("product_tracking", "product_name || ' ' || coalesce(variant_title, '')", ct);
        await tx.CommitAsync(ct);
        return new Response("ok", brand, tracking);
    }

    async Task<int> RecalculateAsync(string table, string text, CancellationToken ct)
    {
        var rows = await db.QueryToListAsync<Row>($"""
            select id as "Id", {text} as "Text", price as "Price", pack_quantity as "Pack", ppu as "Ppu"
              from pricewatch.{table} where tenant_id = @TenantId
            """, new { caller.TenantId }, ct);
        var changed = rows.Select(r => (r.Id, Pack: PackQuantity.Extract(r.Text), r.Price, r.Pack, r.Ppu))
            .Select(r => (r.Id, r.Pack, NewPack: r.Item2, Ppu: PackQuantity.PricePerUnit(r.Price, r.Item2), OldPpu: r.Ppu))
            .Where(r => r.Pack != r.NewPack || r.Ppu != r.OldPpu).ToList();
        var updated = 0;
        foreach (var chunk in changed.Chunk(2000))
            updated += await db.ExecuteAsync($"""
                update pricewatch.{table} p set pack_quantity = u.q, ppu = u.ppu::numeric
                  from unnest(cast(@Ids as uuid[]), cast(@Packs as int[]), cast(@Ppus as text[])) as u(id, q, ppu)
                 where p.id = u.id and p.tenant_id = @TenantId
                """, new { caller.TenantId, Ids = chunk.Select(c => c.Id).ToArray(), Packs = chunk.Select(c => c.NewPack).ToArray(), Ppus = chunk.Select(c => c.Ppu?.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray() }, ct);
        return updated;
    }

    sealed class Row
    {
        public Guid Id { get; init; }
        public string Text { get; init; } = "";
        public decimal? Price { get; init; }
        public int Pack { get; init; }
        public decimal? Ppu { get; init; }
    }
}
