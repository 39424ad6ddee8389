using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.UpdateSupplier;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string UpdateSql = Sql.Load<Handler>("UpdateSupplier.sql");
    static readonly string ReadSql = SupplierRow.Select + "\nand s.id = @Sid";

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var updated = await db.ExecuteAsync(UpdateSql, new
        {
            req.Sid, Name = Rules.Clean(req.Name), NameCn = Rules.Clean(req.NameCn), Platform = Rules.Clean(req.Platform),
            Location = Rules.Clean(req.Location), ContactName = Rules.Clean(req.ContactName), ContactWechat = Rules.Clean(req.ContactWechat),
            ContactEmail = Rules.Clean(req.ContactEmail), ContactPhone = Rules.Clean(req.ContactPhone),
            Categories = Rules.Json(SupplierFields.Categories(req.ProductCategories)), req.Rating, req.LeadTimeDays,
            MoqNotes = Rules.Clean(req.MoqNotes), PaymentTerms = Rules.Clean(req.PaymentTerms), req.IsActive, Notes = Rules.Clean(req.Notes),
        }, ct);
        if (updated == 0) return Error.NotFound("Supplier.NotFound", "Supplier not found");
        return new Response(true, (await db.QueryToListAsync<SupplierRow>(ReadSql, new { req.Sid }, ct)).Single());
    }
}
