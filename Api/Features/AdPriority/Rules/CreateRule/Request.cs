using System.Text.Json;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.AdPriority.Rules.CreateRule;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string? ProductTypePattern { get; init; }
    public string? Season { get; init; }
    public int? BasePriority { get; init; }
    public JsonElement? Modifiers { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ProductTypePattern).NotEmpty().WithMessage("productTypePattern is required").WithErrorCode("required")
                .MaximumLength(255).WithErrorCode("max:255");
            RuleFor(r => r.Season).Must(s => s is null || RuleModifiers.Seasons.Contains(s))
                .WithMessage("season must be winter, spring, summer, fall or null").WithErrorCode("enum");
            RuleFor(r => r.BasePriority).NotNull().WithMessage("basePriority is required").WithErrorCode("required")
                .InclusiveBetween(0, 5).WithMessage("basePriority must be between 0 and 5").WithErrorCode("range:0-5");
            RuleFor(r => r.Modifiers).ValidModifiers();
        }
    }
}

sealed record Response(Guid Id, string ProductTypePattern, string? Season, int BasePriority, JsonElement Modifiers, DateTime CreatedAt);
