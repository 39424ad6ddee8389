using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffOrders.UpdateNotes;

/// <summary>A field left out (or null) keeps its value; an empty string clears it.</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("order_id")] public long OrderId { get; init; }
    public string? StaffNotes { get; init; }
    public string? AssignedTo { get; init; }
    public string? TrackingNumber { get; init; }
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.OrderId).GreaterThan(0);
            RuleFor(r => r.StaffNotes).MaximumLength(5000);
            RuleFor(r => r.AssignedTo).MaximumLength(200);
            RuleFor(r => r.TrackingNumber).MaximumLength(100);
        }
    }
}

sealed record Response(bool Success, Response.OrderView Order)
{
    public sealed record OrderView(long Id, string? StaffNotes, string? AssignedTo, string? TrackingNumber, string Status, DateTimeOffset? ShippedAt);
}
