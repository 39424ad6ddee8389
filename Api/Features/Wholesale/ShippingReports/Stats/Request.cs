using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.ShippingReports.Stats;

sealed record Request : IRequest<ErrorOr<Response>>;

sealed record Response(int ShippedToday, int InTransit, int Delivered7d);
