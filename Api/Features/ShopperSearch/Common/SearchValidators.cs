using FastEndpoints;
using FluentValidation;

namespace Api.Features.ShopperSearch.Common;

/// <summary>Shared rules of the text-search body (the text search and its cache-check validate it the same way).</summary>
static class SearchValidators
{
    public static void TextBody<T>(Validator<T> v) where T : TextSearchBody
    {
        v.RuleFor(r => r.QueryStr).NotEmpty().WithMessage(Rules.Required).WithErrorCode(Rules.MissingType)
            .MaximumLength(1000).WithMessage("ensure this value has at most 1000 characters").WithErrorCode("value_error.any_str.max_length");
        v.RuleFor(r => r.Limit).InclusiveBetween(1, 100).WithMessage("ensure this value is between 1 and 100").WithErrorCode("value_error.number.not_in_range");
        v.RuleFor(r => r.MinPrice).GreaterThanOrEqualTo(0).WithMessage("ensure this value is greater than or equal to 0").WithErrorCode("value_error.number.not_ge");
        v.RuleFor(r => r.MaxPrice).GreaterThanOrEqualTo(0).WithMessage("ensure this value is greater than or equal to 0").WithErrorCode("value_error.number.not_ge");
        v.RuleForEach(r => r.Gender).Must(g => Rules.Genders.Contains(g))
            .WithMessage("value is not a valid enumeration member; permitted: 'mens', 'womens', 'unisex', 'kids'").WithErrorCode("type_error.enum");
        v.RuleFor(r => r.CurrentHour).InclusiveBetween(0, 23).WithMessage("ensure this value is between 0 and 23").WithErrorCode("value_error.number.not_in_range");
    }

    public static void ColorBody<T>(Validator<T> v) where T : ColorSearchBody
    {
        v.RuleFor(r => r.QueryStr).MaximumLength(1000).WithMessage("ensure this value has at most 1000 characters").WithErrorCode("value_error.any_str.max_length");
        v.RuleFor(r => r.Limit).InclusiveBetween(1, 100).WithMessage("ensure this value is between 1 and 100").WithErrorCode("value_error.number.not_in_range");
        v.RuleFor(r => r.MinPrice).GreaterThanOrEqualTo(0).WithMessage("ensure this value is greater than or equal to 0").WithErrorCode("value_error.number.not_ge");
        v.RuleFor(r => r.MaxPrice).GreaterThanOrEqualTo(0).WithMessage("ensure this value is greater than or equal to 0").WithErrorCode("value_error.number.not_ge");
    }
}
