using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.SalesCommission.BulkToggle;

/// <summary><c>paid</c> defaults to true. Orders that are unknown, without a rep, or (for paid) not yet earned are listed in
/// <c>skipped</c> with the reason; the rest change together.</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    public List<string>? OrderNumbers { get; init; }
    public bool? Paid { get; init; }
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;

    public const int Max = 1000;

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.OrderNumbers).NotEmpty().WithMessage("order_numbers must list at least one order")
                .Must(l => l is null || l.Count <= Max).WithMessage($"at most {Max} orders");
            RuleForEach(r => r.OrderNumbers).NotEmpty().MaximumLength(40);
        }
    }
}

sealed record Response(bool Success, int Updated, bool Paid, List<Skipped> Skipped);
sealed record Skipped(string OrderNumber, string Reason);
