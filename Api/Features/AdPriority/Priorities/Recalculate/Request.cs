using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.AdPriority.Priorities.Recalculate;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public bool IncludeOverrides { get; init; }
    public string[]? ProductTypes { get; init; }
    public bool DryRun { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ProductTypes).Must(t => t is null || t.Length <= 500).WithMessage("productTypes accepts at most 500 entries").WithErrorCode("max:500");
            RuleForEach(r => r.ProductTypes).NotNull().MaximumLength(255).WithMessage("each product type must be a string of at most 255 characters");
        }
    }
}

sealed record Response(int Recalculated, int SkippedOverrides, Changes Changes, IReadOnlyDictionary<string, int> Distribution, DateTime CalculatedAt);
sealed record Changes(int Increased, int Decreased, int Unchanged);
