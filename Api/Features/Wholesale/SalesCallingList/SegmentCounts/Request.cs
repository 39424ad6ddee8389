using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.SegmentCounts;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [HideFromDocs] public long? StaffId { get; init; }
    [HideFromDocs] public long? RepId { get; init; }
}

sealed record Response(Segments Segments, Kpi Kpi);

sealed record Segments
{
    public int Priority { get; init; }
    public int Window { get; init; }
    public int Lapsed { get; init; }
    public int Called { get; init; }
    public int All { get; init; }
}

/// <summary>The signed-in staff member's day in the business time zone; conversion is orders per call in percent.</summary>
sealed record Kpi(int CallsToday, int OrdersPlaced, decimal RevenueToday, double Conversion);
