using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using Api.Features.Wholesale.Orders;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffOrders.UpdateStatus;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("order_id")] public long OrderId { get; init; }
    public string? Status { get; init; }
    public string? StaffNotes { get; init; }
    public string? AssignedTo { get; init; }
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;

    public static readonly string[] Statuses = ["pending", "confirmed", "packed", "shipped", "delivered", "cancelled"];

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.OrderId).GreaterThan(0);
            RuleFor(r => r.Status).NotEmpty().Must(s => s is null || Statuses.Contains(s.Trim().ToLowerInvariant()))
                .WithMessage("must be one of " + string.Join(", ", Statuses));
            RuleFor(r => r.StaffNotes).MaximumLength(5000);
            RuleFor(r => r.AssignedTo).MaximumLength(200);
        }
    }
}

sealed record Response(bool Success, Response.OrderView Order,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] OrderCancellation.Refund? Refund)
{
    public sealed record OrderView(long Id, string OrderNumber, string Status, string PaymentStatus, string? StaffNotes, string? AssignedTo,
        List<OrderItemView> Items);
}
