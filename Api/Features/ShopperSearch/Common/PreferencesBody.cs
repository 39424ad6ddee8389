using FastEndpoints;
using FluentValidation;

namespace Api.Features.ShopperSearch.Common;

/// <summary>The body of the preferences create and update endpoints.</summary>
abstract record PreferencesBody
{
    public long? UserProfileId { get; init; }
    public string? ConversationalStyle { get; init; }
    public string? PersonalFashionStyle { get; init; }
    public List<string>? FavoriteColors { get; init; }
    public List<string>? FashionMaterialPrefer { get; init; }
    public string? BodyType { get; init; }
    public string? FashionGoals { get; init; }
    public string? AgeGroup { get; init; }

    public static void Rules<T>(Validator<T> v) where T : PreferencesBody
    {
        v.RuleFor(r => r.UserProfileId).NotNull().WithMessage(Common.Rules.Required).WithErrorCode(Common.Rules.MissingType)
            .GreaterThan(0).WithMessage("ensure this value is greater than 0").WithErrorCode("value_error.number.not_gt");
        foreach (var rule in new[] { v.RuleFor(r => r.ConversationalStyle), v.RuleFor(r => r.PersonalFashionStyle), v.RuleFor(r => r.BodyType), v.RuleFor(r => r.FashionGoals), v.RuleFor(r => r.AgeGroup) })
            rule.MaximumLength(500).WithMessage("ensure this value has at most 500 characters");
        v.RuleFor(r => r.FavoriteColors).Must(l => l is null || l.Count <= 50).WithMessage("ensure this value has at most 50 items");
        v.RuleFor(r => r.FashionMaterialPrefer).Must(l => l is null || l.Count <= 50).WithMessage("ensure this value has at most 50 items");
    }
}
