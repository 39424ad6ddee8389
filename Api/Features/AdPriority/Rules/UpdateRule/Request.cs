using System.Text.Json;
using System.Text.Json.Serialization;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.AdPriority.Rules.UpdateRule;

/// <summary>Partial update: absent fields stay; <c>"season": null</c> makes the rule all-season.</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    public Guid Id { get; init; }
    public string? ProductTypePattern { get; init; }
    public int? BasePriority { get; init; }
    public JsonElement? Modifiers { get; init; }

    readonly string? _season;
    public string? Season { get => _season; init { _season = value; SeasonGiven = true; } }
    [JsonIgnore] public bool SeasonGiven { get; private init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ProductTypePattern).NotEmpty().MaximumLength(255).When(r => r.ProductTypePattern is not null)
                .WithMessage("productTypePattern must be 1-255 characters").WithErrorCode("max:255");
            RuleFor(r => r.Season).Must(s => s is null || RuleModifiers.Seasons.Contains(s))
                .WithMessage("season must be winter, spring, summer, fall or null").WithErrorCode("enum");
            RuleFor(r => r.BasePriority).InclusiveBetween(0, 5).WithMessage("basePriority must be between 0 and 5").WithErrorCode("range:0-5");
            RuleFor(r => r.Modifiers).ValidModifiers();
        }
    }
}

sealed record Response(Guid Id, string ProductTypePattern, string? Season, int BasePriority, JsonElement Modifiers, DateTime UpdatedAt);
