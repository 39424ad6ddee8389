using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.ShippingBoxes.ListRules;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct) =>
        new Response(await db.QueryToListAsync<BoxRule>(BoxRule.Select + " order by p.name, r.id", ct));
}
