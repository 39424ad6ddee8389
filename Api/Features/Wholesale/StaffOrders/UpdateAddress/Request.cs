using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffOrders.UpdateAddress;

/// <summary>A field left out (or null) keeps its value; the required ones (name, address, city, state, zip) cannot be emptied.</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("order_id")] public long OrderId { get; init; }
    public string? DeliveryName { get; init; }
    public string? DeliveryFirstName { get; init; }
    public string? DeliveryLastName { get; init; }
    public string? DeliveryCompany { get; init; }
    public string? DeliveryAddress { get; init; }
    public string? DeliveryCity { get; init; }
    public string? DeliveryState { get; init; }
    public string? DeliveryZip { get; init; }
    public string? DeliveryPhone { get; init; }
    public string? DeliveryEmail { get; init; }
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.OrderId).GreaterThan(0);
            RuleFor(r => r.DeliveryName).NotEmpty().MaximumLength(200).When(r => r.DeliveryName is not null);
            RuleFor(r => r.DeliveryAddress).NotEmpty().MaximumLength(500).When(r => r.DeliveryAddress is not null);
            RuleFor(r => r.DeliveryCity).NotEmpty().MaximumLength(100).When(r => r.DeliveryCity is not null);
            RuleFor(r => r.DeliveryState).NotEmpty().MaximumLength(50).When(r => r.DeliveryState is not null);
            RuleFor(r => r.DeliveryZip).NotEmpty().MaximumLength(20).When(r => r.DeliveryZip is not null);
            RuleFor(r => r.DeliveryFirstName).MaximumLength(100);
            RuleFor(r => r.DeliveryLastName).MaximumLength(100);
            RuleFor(r => r.DeliveryCompany).MaximumLength(200);
            RuleFor(r => r.DeliveryEmail).MaximumLength(254).EmailAddress().When(r => !string.IsNullOrEmpty(r.DeliveryEmail));
            RuleFor(r => r.DeliveryPhone).Must(p => Phones.ToE164(p) is not null).WithMessage("must be a valid phone number")
                .When(r => !string.IsNullOrEmpty(r.DeliveryPhone));
        }
    }
}

sealed record Response(bool Success, Response.OrderView Order, List<string> UpdatedFields)
{
    public sealed record OrderView
    {
        public long Id { get; init; }
        public string? DeliveryName { get; init; }
        public string? DeliveryFirstName { get; init; }
        public string? DeliveryLastName { get; init; }
        public string? DeliveryCompany { get; init; }
        public string? DeliveryAddress { get; init; }
        public string? DeliveryCity { get; init; }
        public string? DeliveryState { get; init; }
        public string? DeliveryZip { get; init; }
        public string? DeliveryPhone { get; init; }
        public string? DeliveryEmail { get; init; }
    }
}
