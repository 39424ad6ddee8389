using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.ShippingBoxes.UpdateRule;

/// <summary>Partial update: fields left out (or null) keep their values.</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (req.ProductId is { } p && !await BoxRule.ProductExistsAsync(db, p, ct)) return BoxRule.UnknownProduct;
        var n = await db.ExecuteAsync("""
            update wholesale.box_rules
               set product_id = coalesce(@ProductId, product_id), qty_per_box = coalesce(@QtyPerBox, qty_per_box),
                   box_name = coalesce(nullif(trim(@BoxName), ''), box_name), length_in = coalesce(@LengthIn, length_in),
                   width_in = coalesce(@WidthIn, width_in), height_in = coalesce(@HeightIn, height_in),
                   notes = coalesce(@Notes, notes), updated_at = now()
             where id = @RuleId
            """, new { req.ProductId, req.QtyPerBox, req.BoxName, req.LengthIn, req.WidthIn, req.HeightIn, req.Notes, req.RuleId }, ct);
        if (n != 1) return Error.NotFound("BoxRule.NotFound", "Box recommendation rule not found");
        return new Response(true, (await BoxRule.FindAsync(db, req.RuleId, ct))!);
    }
}
