using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.ShippingOrders.Ship;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("order_number")] public string OrderNumber { get; init; } = "";
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;
    public string? TrackingNumber { get; init; }
    public string? Carrier { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.TrackingNumber).MaximumLength(60).Matches("^[A-Za-z0-9 ,-]*$").WithMessage("tracking_number may hold letters, digits, spaces, commas and dashes");
            RuleFor(r => r.Carrier).MaximumLength(50);
        }
    }
}

sealed record Response(bool Success, ShipOrder Order, string? SmsStatus);
