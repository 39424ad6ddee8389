using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Bills.UpdateNotes;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string UpdateSql = Sql.Load<Handler>("UpdateNotes.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var phone = req.RestaurantPhone is { Length: > 0 } p ? Phones.ToE164(p) : req.RestaurantPhone;
        var rows = await db.QueryToListAsync<long>(UpdateSql, new
        {
            req.BillId, req.Notes, RestaurantEmail = req.RestaurantEmail?.Trim(), RestaurantPhone = phone, ContactName = req.ContactName?.Trim(),
        }, ct);
        return rows is [_] ? new Response(true) : Error.NotFound("Bill.NotFound", "Bill not found");
    }
}
