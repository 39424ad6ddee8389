using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.ShippingOrders.Confirm;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public const string Summary = "Mark an order picked and ready to ship (pending to confirmed)";
    [BindFrom("order_number")] public string OrderNumber { get; init; } = "";
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;
}

sealed record Response(bool Success, ShipOrder Order);
