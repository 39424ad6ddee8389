using System.Text.Json;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.CallList;

/// <summary>
/// Live, unmerged customers with a phone who are not marked do-not-call, ordered by their last live non-cancelled order,
/// oldest first (customers who never ordered come last). <c>search</c> matches name, company, email or phone.
/// </summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ListSql = Sql.Load<Handler>("CallList.sql");
    static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var search = string.IsNullOrWhiteSpace(req.Search) ? null
            : "%" + req.Search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        var rows = await db.QueryToListAsync<Row>(ListSql, new { Search = search, Limit = req.PerPage, Offset = (req.Page - 1) * req.PerPage }, ct);
        var total = rows.Count > 0 ? rows[0].Total
            : (await db.QueryToListAsync<Row>(ListSql, new { Search = search, Limit = 1, Offset = 0 }, ct)).FirstOrDefault()?.Total ?? 0;
        var customers = rows.Select(r => new Customer
        {
            Id = r.Id, Name = r.Name, FirstName = r.FirstName, LastName = r.LastName, Company = r.Company, Phone = r.Phone, Email = r.Email,
            ShippingAddress = r.ShippingAddress, OrderCount = r.OrderCount, TotalSpend = r.TotalSpend, LastOrderDate = r.LastOrderDate,
            LastOrderAmount = r.LastOrderAmount, LastOrderItems = JsonSerializer.Deserialize<List<Item>>(r.LastOrderItems ?? "[]", Json) ?? [],
        }).ToList();
        return new Response(customers, total, req.Page, (total + req.PerPage - 1) / req.PerPage);
    }

    sealed class Row
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
        public string? Company { get; init; }
        public string Phone { get; init; } = "";
        public string? Email { get; init; }
        public string? ShippingAddress { get; init; }
        public int OrderCount { get; init; }
        public decimal TotalSpend { get; init; }
        public DateTimeOffset? LastOrderDate { get; init; }
        public decimal? LastOrderAmount { get; init; }
        public string? LastOrderItems { get; init; }
        public int Total { get; init; }
    }
}
