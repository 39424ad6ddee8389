using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.ShippingOrders.TrackingStatus;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("order_number")] public string OrderNumber { get; init; } = "";
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;
}

sealed record Response(bool Success, string? TrackingNumber, string? Carrier, string Status, string StatusLabel, string? EstDeliveryDate,
    string? PublicUrl, List<TrackingDetail> TrackingDetails, DateTimeOffset? LastUpdated, string Source, string OrderStatus);

sealed record TrackingDetail(string? Status, string? Message, DateTimeOffset? Datetime, string? City, string? State);
