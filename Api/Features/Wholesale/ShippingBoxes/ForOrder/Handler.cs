using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Microsoft.Extensions.Options;

namespace Api.Features.Wholesale.ShippingBoxes.ForOrder;

/// <summary>
/// The documented <c>rules</c> (every rule of the order's products) plus a packing plan: each product's units become
/// pieces (its first rule with a carton size: cartons of <c>qty_per_box</c> units, the last one partial; else one piece per
/// unit from the product's shipping box and weight), packed by <see cref="BinPacker"/> over the configured box catalog.
/// Products with neither dimensions nor a rule are listed in <c>unpacked</c>; a product without weight counts 0 lb.
/// </summary>
sealed class Handler(AppDb db, IOptions<ShippingOptions> options) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ProductsSql = Sql.Load<Handler>("Products.sql");

    sealed record Row(long Id, string Sku, string Name, decimal? L, decimal? W, decimal? H, decimal? Weight, int? RuleQty, decimal? RuleL,
        decimal? RuleW, decimal? RuleH, string? RuleBox);

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var lines = req.Items!;
        var ids = lines.Select(l => l.ProductId!.Value).Distinct().ToArray();
        var rows = (await db.QueryToListAsync<Row>(ProductsSql, new { Ids = ids }, ct)).ToDictionary(r => r.Id);
        var errors = lines.Select((l, i) => (l, i)).Where(x => !rows.ContainsKey(x.l.ProductId!.Value))
            .Select(x => Error.Validation("Item.UnknownProduct", "No such product", new Dictionary<string, object> { ["field"] = $"items[{x.i}].product_id" })).ToList();
        if (errors.Count > 0) return errors;

        var quantities = lines.GroupBy(l => l.ProductId!.Value).Select(g => (Id: g.Key, Qty: g.Sum(l => l.Quantity!.Value))).OrderBy(x => x.Id).ToList();
        var pieces = new List<PackItem>();
        var unpacked = new List<Unpacked>();
        foreach (var (id, qty) in quantities)
        {
            var r = rows[id];
            var unitWeight = (double)(r.Weight ?? 0);
            if (r.RuleQty is { } per && r.RuleL is { } l && r.RuleW is { } w && r.RuleH is { } h)
            {
                for (var left = qty; left > 0; left -= per)
                {
                    var units = Math.Min(per, left);
                    pieces.Add(new PackItem(id, r.Sku, r.RuleBox is { Length: > 0 } b ? $"{r.Name} ({b})" : r.Name, (double)l, (double)w, (double)h, unitWeight * units, units));
                    if (pieces.Count > Request.MaxPieces) return TooMany();
                }
            }
            else if (r.L is > 0 && r.W is > 0 && r.H is > 0)
            {
                if (pieces.Count + qty > Request.MaxPieces) return TooMany();
                for (var k = 0; k < qty; k++) pieces.Add(new PackItem(id, r.Sku, r.Name, (double)r.L, (double)r.W, (double)r.H, unitWeight, 1));
            }
            else unpacked.Add(new Unpacked(id, r.Sku, r.Name, qty, "no shipping box dimensions and no box rule with a carton size"));
        }

        var catalog = options.Value.Catalog();
        var packed = BinPacker.Pack(pieces, catalog);
        var boxes = packed.Select(b => new PlanBox(
            b.Box?.Name ?? "Ships alone (own packaging)",
            b.Box?.Length ?? b.Placements[0].Length, b.Box?.Width ?? b.Placements[0].Width, b.Box?.Height ?? b.Placements[0].Height,
            b.Box?.MaxWeightLb, b.Box?.Cost ?? 0m, b.Oversize, b.Note, Math.Round(b.WeightLb, 3),
            b.Box is { } bt ? Math.Round(100 * b.ItemVolume / bt.Volume, 1) : 100,
            b.Placements.Select(p => new PlanItem(p.Item.ProductId, p.Item.Sku, p.Item.Name, p.Item.Units, p.Item.Units > 1 || rows[p.Item.ProductId].RuleQty is not null && rows[p.Item.ProductId].RuleL is not null,
                p.X, p.Y, p.Z, p.Length, p.Width, p.Height, p.Item.WeightLb)).ToList())).ToList();
        var plan = new Plan(boxes.Count, boxes.Sum(b => b.Cost), Math.Round(boxes.Sum(b => b.WeightLb), 3), boxes.Any(b => b.Oversize), boxes, unpacked,
            options.Value.Boxes.Count == 0 ? "default" : "configured");

        var rules = await db.QueryToListAsync<BoxRule>(BoxRule.Select + " where r.product_id = any(@Ids) order by r.product_id, r.id", new { Ids = ids }, ct);
        return new Response(rules, plan);
    }

    static Error TooMany() => Error.Validation("Packing.TooManyPieces", $"At most {Request.MaxPieces} pieces can be planned at once",
        new Dictionary<string, object> { ["field"] = "items" });
}
