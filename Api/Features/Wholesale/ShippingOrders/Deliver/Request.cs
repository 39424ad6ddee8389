using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.ShippingOrders.Deliver;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public const string Summary = "Mark a shipped order delivered";
    [BindFrom("order_number")] public string OrderNumber { get; init; } = "";
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;
}

sealed record Response(bool Success, ShipOrder Order);
