using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffReports.Stats;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [QueryParam] public string? Range { get; init; }
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;

    public static readonly string[] Ranges = ["all", "7d", "30d", "month"];

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Range).Must(r => Ranges.Contains(r!.Trim().ToLowerInvariant()))
            .WithMessage("must be one of " + string.Join(", ", Ranges)).When(r => !string.IsNullOrWhiteSpace(r.Range));
    }
}

sealed record Response
{
    public long TotalOrders { get; init; }
    public long Pending { get; init; }
    public long Confirmed { get; init; }
    public long Packed { get; init; }
    public long Shipped { get; init; }
    public long Delivered { get; init; }
    public long Cancelled { get; init; }
    public decimal TotalRevenue { get; init; }
    public long NeedsAttention { get; init; }
}
