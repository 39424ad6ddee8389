using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffSubscriptions.GetSubscription;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("sub_id")] public long SubId { get; init; }
}

/// <summary>
/// The subscription object's fields with <c>renewals</c> (every attempt, newest first), <c>order_history</c> (the customer's 50 most
/// recent orders) and <c>product_history</c> (their 50 most recent order lines of this product), plus last_renewal.
/// </summary>
sealed record Response : SubscriptionView
{
    public Response(SubscriptionView subscription) : base(subscription) { }
    public required List<RenewalView> Renewals { get; init; }
    public required List<OrderLine> OrderHistory { get; init; }
    public required List<ProductLine> ProductHistory { get; init; }
}

sealed record OrderLine(long Id, string OrderNumber, DateTimeOffset CreatedAt, string Status, string Source, decimal TotalAmount,
    string PaymentStatus, int ItemCount);

sealed record ProductLine(long OrderId, string OrderNumber, DateTimeOffset CreatedAt, string Status, int Quantity, decimal UnitPrice,
    decimal LineTotal);
