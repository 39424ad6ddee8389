using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Orders.ByPhone;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<List<Response>>>
{
    static readonly string ByPhoneSql = Sql.Load<Handler>("ByPhone.sql");

    public async ValueTask<ErrorOr<List<Response>>> Handle(Request req, CancellationToken ct) =>
        await db.QueryToListAsync<Response>(ByPhoneSql, new { Phone = Phones.ToE164(req.Phone) }, ct);
}
