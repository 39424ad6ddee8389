using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.ListShipments;

/// <summary><c>active</c>: true = neither received nor cancelled, false = received or cancelled, empty = all.</summary>
sealed record Request : IRequest<ErrorOr<List<ShipmentRow>>>
{
    [QueryParam] public string? Status { get; init; }
    [QueryParam, BindFrom("supplier_id")] public long? SupplierId { get; init; }
    [QueryParam] public string? Active { get; init; }
    /// <summary>Beyond the document: newest first, at most this many (default 500, at most 1,000).</summary>
    [QueryParam] public int? Limit { get; init; }

    internal static bool? ActiveFilter(string? active) => active?.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => null,
    };

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Status).Must(s => string.IsNullOrEmpty(s) || Rules.ShipmentStatuses.Contains(s))
                .WithMessage($"Must be one of: {string.Join(", ", Rules.ShipmentStatuses)}");
            RuleFor(r => r.Active).Must(a => a is null || a.Trim().ToLowerInvariant() is "" or "all" or "true" or "1" or "yes" or "false" or "0" or "no")
                .WithMessage("Must be true, false or empty");
            RuleFor(r => r.Limit).InclusiveBetween(1, 1000);
        }
    }
}
