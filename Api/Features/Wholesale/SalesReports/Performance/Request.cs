using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.SalesReports.Performance;

/// <summary><c>rep_id</c> (one rep), <c>days</c> (default 90, 1 to 3650), <c>period</c>: day, week, month (default) or quarter.</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("rep_id")] public long? RepId { get; init; }
    [QueryParam] public int Days { get; init; } = 90;
    [QueryParam] public string? Period { get; init; }

    public static readonly string[] Periods = ["day", "week", "month", "quarter"];

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.RepId).GreaterThan(0);
            RuleFor(r => r.Days).InclusiveBetween(1, 3650);
            RuleFor(r => r.Period).Must(p => string.IsNullOrEmpty(p) || Periods.Contains(p)).WithMessage("must be one of: day, week, month, quarter");
        }
    }
}

sealed record Response(int PeriodDays, string PeriodLabel, string Period, string TimeZone, decimal TeamRevenue, long TeamOrders, List<RepRow> Reps);

sealed class RepRow
{
    public long RepId { get; init; }
    public string Name { get; init; } = "";
    public string Username { get; init; } = "";
    public bool IsActive { get; init; }
    public long Orders { get; init; }
    public decimal Revenue { get; init; }
    public decimal AverageOrder { get; init; }
    public long NewCustomers { get; init; }
    public long Customers { get; init; }
    public long Calls { get; init; }
    public double? Conversion { get; init; }
    public decimal CommissionRate { get; init; }
    public decimal CommissionEarned { get; init; }
    public decimal CommissionPaid { get; init; }
    public List<Bucket> Periods { get; set; } = [];
}

sealed class Bucket
{
    public long RepId { get; init; }
    public string PeriodStart { get; init; } = "";
    public long Orders { get; init; }
    public decimal Revenue { get; init; }
}
