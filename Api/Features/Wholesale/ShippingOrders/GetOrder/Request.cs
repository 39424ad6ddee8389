using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.ShippingOrders.GetOrder;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("order_number")] public string OrderNumber { get; init; } = "";
}

sealed record Response(ShipOrder Order);
