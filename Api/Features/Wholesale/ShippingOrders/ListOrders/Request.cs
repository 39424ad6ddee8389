using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.ShippingOrders.ListOrders;

/// <summary>
/// <c>status</c>: <c>active</c> (default: pending orders cleared for picking, confirmed, packed), one status, or <c>all</c>;
/// <c>q</c>: order number, delivery name or company; <c>sort</c> from a fixed list, <c>dir</c> asc/desc; at most
/// <see cref="MaxLimit"/> rows (<c>limit</c>, default 200).
/// </summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    public const int MaxLimit = 500;
    public static readonly string[] Statuses = ["active", "all", "pending", "confirmed", "packed", "shipped", "delivered", "cancelled"];
    public static readonly Dictionary<string, string> Sorts = new()
    {
        ["created_at"] = "o.created_at", ["order_number"] = "o.order_number", ["status"] = "o.status", ["delivery_name"] = "o.delivery_name",
        ["total_amount"] = "o.total_amount", ["status_changed_at"] = "o.status_changed_at", ["delivery_state"] = "o.delivery_state",
    };

    [QueryParam] public string? Status { get; init; }
    [QueryParam] public string? Q { get; init; }
    [QueryParam] public string? Sort { get; init; }
    [QueryParam] public string? Dir { get; init; }
    [QueryParam] public int? Limit { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Status).Must(s => s is null || Statuses.Contains(s.ToLowerInvariant()))
                .WithMessage($"status must be one of {string.Join(", ", Statuses)}");
            RuleFor(r => r.Sort).Must(s => s is null || Sorts.ContainsKey(s.ToLowerInvariant()))
                .WithMessage($"sort must be one of {string.Join(", ", Sorts.Keys)}");
            RuleFor(r => r.Dir).Must(d => d is null || d.ToLowerInvariant() is "asc" or "desc").WithMessage("dir must be asc or desc");
            RuleFor(r => r.Q).MaximumLength(200);
            RuleFor(r => r.Limit).InclusiveBetween(1, MaxLimit);
        }
    }
}

sealed record Response(List<ShipOrder> Orders);
