using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.ListPayments;

sealed record Request : IRequest<ErrorOr<List<PaymentRow>>>
{
    [QueryParam, BindFrom("supplier_id")] public long? SupplierId { get; init; }
    [QueryParam] public string? Status { get; init; }
    /// <summary>Beyond the document: newest first, at most this many (default 500, at most 1,000).</summary>
    [QueryParam] public int? Limit { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Status).Must(s => string.IsNullOrEmpty(s) || Rules.PaymentStatuses.Contains(s))
                .WithMessage($"Must be one of: {string.Join(", ", Rules.PaymentStatuses)}");
            RuleFor(r => r.Limit).InclusiveBetween(1, 1000);
        }
    }
}
