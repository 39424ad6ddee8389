using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.ShippingReports.ShipmentSummary;

/// <summary>Run by the endpoint (an API key) and by the weekday schedule (<c>schedule</c>).</summary>
public sealed record Command(string Trigger) : IRequest<ErrorOr<Response>>;

public sealed record Response(bool Success, string Message, int Count, string Delivery);
