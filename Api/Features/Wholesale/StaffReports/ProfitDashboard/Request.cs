using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffReports.ProfitDashboard;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [QueryParam] public int Period { get; init; } = 6;

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Period).InclusiveBetween(1, 36);
    }
}

sealed record Response(int Period, List<Response.MonthRow> Monthly, Response.Total Totals)
{
    public sealed record MonthRow
    {
        public int Year { get; init; }
        public int Month { get; init; }
        public string MonthLabel { get; init; } = "";
        public long OrderCount { get; init; }
        public decimal TotalSales { get; init; }
        public decimal DeliveryFees { get; init; }
        public decimal CostOfGoods { get; init; }
        public decimal ShippingCost { get; init; }
        public decimal GrossProfit { get; init; }
        public decimal AvgOrderValue { get; init; }
    }

    public sealed record Total(decimal TotalSales, decimal DeliveryFees, decimal CostOfGoods, decimal ShippingCost, decimal GrossProfit, long OrderCount);
}
