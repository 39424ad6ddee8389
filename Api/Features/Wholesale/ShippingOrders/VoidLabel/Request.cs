using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.ShippingOrders.VoidLabel;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("order_number")] public string OrderNumber { get; init; } = "";
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;
    [BindFrom("label_id")] public long LabelId { get; init; }
}

sealed record Response(bool Success, string? VoidedTracking, string? EpRefundStatus, string? EpError, List<string> RemainingTracking);
