using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Orders.ByPhone;

sealed record Request : IRequest<ErrorOr<List<Response>>>
{
    [BindFrom("phone")] public string Phone { get; init; } = "";

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Phone).Must(p => Phones.ToE164(p) is not null).WithMessage("not a valid phone number");
    }
}

/// <summary>The document's slim list: order_number, status, created_at, total_amount, delivery_name, item_count, tracking_number, carrier.</summary>
sealed record Response
{
    public string OrderNumber { get; init; } = "";
    public string Status { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public decimal TotalAmount { get; init; }
    public string? DeliveryName { get; init; }
    public int ItemCount { get; init; }
    public string? TrackingNumber { get; init; }
    public string? Carrier { get; init; }
}
