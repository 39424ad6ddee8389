using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.SalesReports.History;

/// <summary>The document's query. Dates are business-time-zone days (YYYY-MM-DD, both ends inclusive); <c>group_by</c>: rep,
/// month, customer, product or status; <c>format=csv</c> streams a file (orders, or the groups when grouped).</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("rep_id")] public long? RepId { get; init; }
    [BindFrom("from_date")] public string? FromDate { get; init; }
    [BindFrom("to_date")] public string? ToDate { get; init; }
    [QueryParam] public string? Status { get; init; }
    [QueryParam] public string? Search { get; init; }
    [BindFrom("group_by")] public string? GroupBy { get; init; }
    [QueryParam] public string? Format { get; init; }
    [QueryParam] public int Page { get; init; } = 1;
    [BindFrom("per_page")] public int PerPage { get; init; } = 50;
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;

    public static readonly string[] Groups = ["rep", "month", "customer", "product", "status"];
    public static readonly string[] Statuses = ["pending", "confirmed", "packed", "shipped", "delivered", "cancelled"];

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.RepId).GreaterThan(0);
            RuleFor(r => r.FromDate).Must(d => string.IsNullOrEmpty(d) || DateOnly.TryParseExact(d, "yyyy-MM-dd", out _)).WithMessage("must be a date YYYY-MM-DD");
            RuleFor(r => r.ToDate).Must(d => string.IsNullOrEmpty(d) || DateOnly.TryParseExact(d, "yyyy-MM-dd", out _)).WithMessage("must be a date YYYY-MM-DD");
            RuleFor(r => r.Status).Must(s => string.IsNullOrEmpty(s) || Statuses.Contains(s)).WithMessage("must be one of: " + string.Join(", ", Statuses));
            RuleFor(r => r.Search).MaximumLength(200);
            RuleFor(r => r.GroupBy).Must(g => string.IsNullOrEmpty(g) || Groups.Contains(g)).WithMessage("must be one of: " + string.Join(", ", Groups));
            RuleFor(r => r.Format).Must(f => string.IsNullOrEmpty(f) || f is "json" or "csv").WithMessage("must be json or csv");
            RuleFor(r => r.Page).GreaterThanOrEqualTo(1);
            RuleFor(r => r.PerPage).InclusiveBetween(1, 500);
        }
    }
}

/// <summary>Either a JSON body or a CSV writer.</summary>
sealed record Response(object? Json, CsvFile? Csv);
sealed record CsvFile(string FileName, Func<Stream, CancellationToken, Task> WriteAsync);

sealed record Paged(int Page, int PerPage, long Total, int Pages, Summary Summary, List<OrderRow> Orders);
sealed record Grouped(string GroupBy, List<GroupRow> Groups, long TotalOrders, decimal TotalRevenue);

sealed class Summary
{
    public long Orders { get; init; }
    public decimal Revenue { get; init; }
    public decimal AverageOrder { get; init; }
    public decimal Discounts { get; init; }
}

sealed class GroupRow
{
    public string? Key { get; init; }
    public string? Label { get; init; }
    public long Orders { get; init; }
    public decimal Revenue { get; init; }
}

sealed class OrderRow
{
    public long Id { get; init; }
    public string OrderNumber { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public long? SalesRepId { get; init; }
    public string? SalesRepName { get; init; }
    public long? CustomerId { get; init; }
    public string? CustomerName { get; init; }
    public string? CompanyName { get; init; }
    public string Status { get; init; } = "";
    public string PaymentStatus { get; init; } = "";
    public string PaymentMethod { get; init; } = "";
    public decimal Subtotal { get; init; }
    public decimal DiscountAmount { get; init; }
    public decimal TotalAmount { get; init; }
    public bool CommissionPaid { get; init; }
}
