using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.ListInspections;

/// <summary><c>status</c> filters on the inspection's result.</summary>
sealed record Request : IRequest<ErrorOr<List<QcRow>>>
{
    [QueryParam] public string? Status { get; init; }
    [QueryParam, BindFrom("shipment_id")] public long? ShipmentId { get; init; }
    [QueryParam, BindFrom("supplier_id")] public long? SupplierId { get; init; }
    /// <summary>Beyond the document: newest first, at most this many (default 500, at most 1,000).</summary>
    [QueryParam] public int? Limit { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Status).Must(s => string.IsNullOrEmpty(s) || Rules.QcResults.Contains(s))
                .WithMessage($"Must be one of: {string.Join(", ", Rules.QcResults)}");
            RuleFor(r => r.Limit).InclusiveBetween(1, 1000);
        }
    }
}
