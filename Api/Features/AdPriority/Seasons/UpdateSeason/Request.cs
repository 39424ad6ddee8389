using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.AdPriority.Seasons.UpdateSeason;

/// <summary>Partial: months and/or the full set of category overrides (replaced when given).</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    public Guid Id { get; init; }
    public int? StartMonth { get; init; }
    public int? EndMonth { get; init; }
    public Dictionary<string, int>? CategoryOverrides { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.StartMonth).InclusiveBetween(1, 12).WithMessage("Invalid month values: startMonth must be 1-12").WithErrorCode("range:1-12");
            RuleFor(r => r.EndMonth).InclusiveBetween(1, 12).WithMessage("Invalid month values: endMonth must be 1-12").WithErrorCode("range:1-12");
            RuleFor(r => r.CategoryOverrides).Must(o => o is null || o.Count <= 500).WithMessage("at most 500 category overrides").WithErrorCode("max:500");
            RuleFor(r => r.CategoryOverrides).Must(o => o is null || o.All(kv => kv.Key.Trim().Length is > 0 and <= 255 && kv.Value is >= 0 and <= 5))
                .WithMessage("categoryOverrides maps category names (1-255 characters) to priorities 0-5").WithErrorCode("range:0-5");
        }
    }
}

sealed record Response(Guid Id, string Name, string Season, int StartMonth, int EndMonth, IReadOnlyDictionary<string, int> CategoryOverrides, DateTime UpdatedAt);
