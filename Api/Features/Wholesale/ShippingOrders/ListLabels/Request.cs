using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.ShippingOrders.ListLabels;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("order_number")] public string OrderNumber { get; init; } = "";
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;
}

sealed record Response(List<LabelView> Labels);
