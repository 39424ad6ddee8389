using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffOrders.ListOrders;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [QueryParam] public string? Status { get; init; }
    [QueryParam, BindFrom("from_date")] public DateOnly? FromDate { get; init; }
    [QueryParam, BindFrom("to_date")] public DateOnly? ToDate { get; init; }
    [QueryParam, BindFrom("rep_id")] public long? RepId { get; init; }
    [QueryParam] public int Page { get; init; } = 1;
    [QueryParam, BindFrom("per_page")] public int PerPage { get; init; } = 50;
    [QueryParam] public string? Search { get; init; }
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;

    public static readonly string[] Statuses = ["pending", "confirmed", "packed", "shipped", "delivered", "cancelled"];

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Status).Must(s => Statuses.Contains(s!.Trim().ToLowerInvariant()))
                .WithMessage("must be one of " + string.Join(", ", Statuses)).When(r => !string.IsNullOrWhiteSpace(r.Status) && r.Status.Trim() != "all");
            RuleFor(r => r.ToDate).GreaterThanOrEqualTo(r => r.FromDate).When(r => r.FromDate is not null && r.ToDate is not null)
                .WithMessage("must not be before from_date");
            RuleFor(r => r.RepId).GreaterThan(0).When(r => r.RepId is not null);
            RuleFor(r => r.Page).InclusiveBetween(1, 100_000);
            RuleFor(r => r.PerPage).InclusiveBetween(1, 200);
            RuleFor(r => r.Search).MaximumLength(100);
        }
    }
}

sealed record Response(List<Response.Row> Orders, long Total, int Page, int Pages)
{
    public sealed record Row
    {
        public long Id { get; init; }
        public string OrderNumber { get; init; } = "";
        public long? UserId { get; init; }
        public string Status { get; init; } = "";
        public long? SalesRepId { get; init; }
        public string? SalesRepName { get; init; }
        public string? DeliveryName { get; init; }
        public string? DeliveryCompany { get; init; }
        public string? DeliveryEmail { get; init; }
        public string? DeliveryPhone { get; init; }
        public string? DeliveryCity { get; init; }
        public string? DeliveryState { get; init; }
        public decimal Subtotal { get; init; }
        public decimal DiscountAmount { get; init; }
        public decimal DeliveryFee { get; init; }
        public decimal TotalAmount { get; init; }
        public decimal AmountPaid { get; init; }
        public string PaymentMethod { get; init; } = "";
        public string PaymentStatus { get; init; } = "";
        public string? StaffNotes { get; init; }
        public string? AssignedTo { get; init; }
        public string? TrackingNumber { get; init; }
        public bool NeedsReview { get; init; }
        public int ItemCount { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? ShippedAt { get; init; }
    }
}
