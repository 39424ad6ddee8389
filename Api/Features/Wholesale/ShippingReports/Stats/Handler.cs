using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.ShippingReports.Stats;

sealed class Handler(AppDb db, BusinessClock clock) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string StatsSql = Sql.Load<Handler>("Stats.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct) =>
        (await db.QueryToListAsync<Response>(StatsSql, new { Zone = clock.ZoneId }, ct)).Single();
}
