using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.CreateSupplier;

sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string InsertSql = Sql.Load<Handler>("CreateSupplier.sql");
    static readonly string ReadSql = SupplierRow.Select + "\nand s.id = @Id";

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var id = await db.ExecuteAsync<long>(InsertSql, new
        {
            Name = req.Name!.Trim(), NameCn = Rules.Opt(req.NameCn), Platform = Rules.Opt(req.Platform), Location = Rules.Opt(req.Location),
            ContactName = Rules.Opt(req.ContactName), ContactWechat = Rules.Opt(req.ContactWechat), ContactEmail = Rules.Opt(req.ContactEmail),
            ContactPhone = Rules.Opt(req.ContactPhone), Categories = Rules.Json(SupplierFields.Categories(req.ProductCategories)) ?? "[]",
            req.Rating, req.LeadTimeDays, MoqNotes = Rules.Opt(req.MoqNotes), PaymentTerms = Rules.Opt(req.PaymentTerms),
            IsActive = req.IsActive ?? true, Notes = Rules.Opt(req.Notes), CreatedBy = http.HttpContext!.User.StaffId(),
        }, ct);
        return new Response(true, (await db.QueryToListAsync<SupplierRow>(ReadSql, new { Id = id }, ct)).Single());
    }
}
