using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.ShippingBoxes.CreateRule;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (!await BoxRule.ProductExistsAsync(db, req.ProductId!.Value, ct)) return BoxRule.UnknownProduct;
        var id = (await db.QueryToListAsync<long>("""
            insert into wholesale.box_rules (product_id, qty_per_box, box_name, length_in, width_in, height_in, notes, created_by)
            values (@ProductId, coalesce(@QtyPerBox, 1), nullif(trim(@BoxName), ''), @LengthIn, @WidthIn, @HeightIn, nullif(trim(@Notes), ''), @By)
            returning id
            """, new { req.ProductId, req.QtyPerBox, req.BoxName, req.LengthIn, req.WidthIn, req.HeightIn, req.Notes, By = req.Caller.Label }, ct)).Single();
        return new Response(true, (await BoxRule.FindAsync(db, id, ct))!);
    }
}
