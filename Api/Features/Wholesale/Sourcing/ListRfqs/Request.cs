using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.ListRfqs;

sealed record Request : IRequest<ErrorOr<List<RfqRow>>>
{
    [QueryParam] public string? Status { get; init; }
    [QueryParam, BindFrom("product_id")] public long? ProductId { get; init; }
    /// <summary>Beyond the document: newest first, at most this many (default 500, at most 1,000).</summary>
    [QueryParam] public int? Limit { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Status).Must(s => string.IsNullOrEmpty(s) || Rules.RfqStatuses.Contains(s))
                .WithMessage($"Must be one of: {string.Join(", ", Rules.RfqStatuses)}");
            RuleFor(r => r.Limit).InclusiveBetween(1, 1000);
        }
    }
}
