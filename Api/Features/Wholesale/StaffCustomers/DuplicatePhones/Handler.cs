using System.Text.Json;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffCustomers.DuplicatePhones;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string GroupsSql = Sql.Load<Handler>("DuplicatePhones.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var json = (await db.QueryToListAsync<string>(GroupsSql, new { }, ct))[0];
        var groups = JsonDocument.Parse(json).RootElement;
        return new Response(groups, groups.GetArrayLength());
    }
}
