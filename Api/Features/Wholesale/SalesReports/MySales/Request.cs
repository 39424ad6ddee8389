using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.SalesReports.MySales;

/// <summary><c>days</c> (default 30, 1 to 3650). Beyond the document: admins and managers may pass <c>rep_id</c>.</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    [QueryParam] public int Days { get; init; } = 30;
    [BindFrom("rep_id")] public long? RepId { get; init; }
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Days).InclusiveBetween(1, 3650);
            RuleFor(r => r.RepId).GreaterThan(0);
        }
    }
}

sealed record Response(RepInfo Rep, int PeriodDays, long PeriodOrders, decimal PeriodRevenue, long AllTimeOrders, decimal AllTimeRevenue,
    decimal CommissionRate, decimal PeriodCommissionEarned, List<OrderRow> Orders);

sealed class RepInfo
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Role { get; init; } = "";
    public decimal CommissionRate { get; init; }
}

sealed class OrderRow
{
    public long Id { get; init; }
    public string OrderNumber { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public long? CustomerId { get; init; }
    public string? CustomerName { get; init; }
    public string? CompanyName { get; init; }
    public string Status { get; init; } = "";
    public string PaymentStatus { get; init; } = "";
    public string PaymentMethod { get; init; } = "";
    public decimal Subtotal { get; init; }
    public decimal DiscountAmount { get; init; }
    public decimal TotalAmount { get; init; }
    public long ItemCount { get; init; }
    public decimal CommissionAmount { get; init; }
    public bool CommissionEarned { get; init; }
    public bool CommissionPaid { get; init; }
    public DateTimeOffset? CommissionPaidAt { get; init; }
}
