using Api.Infrastructure.Database;
using FastEndpoints;
using LinqToDB.Data;

namespace Api.Features.Wholesale.SalesCallingList.StaffList;

/// <summary>No input, so no handler: the endpoint runs its one query (the connection resolved per request).</summary>
sealed class Endpoint : EndpointWithoutRequest<List<Response>>
{
    static readonly string ListSql = Sql.Load<Endpoint>("StaffList.sql");

    public override void Configure()
    {
        Get("api/sales/calling-list/staff-list");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Active sales reps and admins for the assignment dropdown").Produces<List<Response>>());
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.OkAsync(await Resolve<AppDb>().QueryToListAsync<Response>(ListSql, ct), ct);
}
