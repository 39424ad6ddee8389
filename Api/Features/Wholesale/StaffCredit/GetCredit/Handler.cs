using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffCredit.GetCredit;

/// <summary>The last 500 ledger rows.</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    const string CustomerSql = """
        select id as "Id", username::text as "Username", company_name as "CompanyName", store_credit as "Balance"
        from wholesale.customers where id = @Id and deleted_at is null
        """;

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (await db.QueryToListAsync<Row>(CustomerSql, new { Id = req.UserId }, ct) is not [var c])
            return Error.NotFound("Customer.NotFound", "Customer not found");
        var history = await StoreCredit.HistoryAsync(db, c.Id, 500, ct);
        return new Response(c.Id, c.Username, c.CompanyName, c.Balance, history);
    }

    sealed class Row
    {
        public long Id { get; init; }
        public string? Username { get; init; }
        public string? CompanyName { get; init; }
        public decimal Balance { get; init; }
    }
}
