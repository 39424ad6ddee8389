using System.Text.Json.Serialization;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Orders.GetOrder;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("order_number")] public string OrderNumber { get; init; } = "";
    /// <summary>Set by the endpoint: the signed-in customer, or null for the signed-out tracking view.</summary>
    [JsonIgnore] public long? CustomerId { get; init; }
}

sealed record Response(OrderSummary Order);
