using System.Text.Json;
using System.Text.Json.Serialization;

namespace Api.Features.ShopperSearch.Common;

/// <summary>The body of <c>/search/text</c>, shared by its cache-check so both compute the same cache key.</summary>
abstract record TextSearchBody
{
    public string? QueryStr { get; init; }
    public int Limit { get; init; } = 10;
    public bool Preferences { get; init; }
    public long? UserProfileId { get; init; }
    public string? UserName { get; init; }
    public string? ConversationalStyle { get; init; }
    public string? PersonalFashionStyle { get; init; }
    public List<string>? FavoriteColors { get; init; }
    public List<string>? FashionMaterialPrefer { get; init; }
    public string? BodyType { get; init; }
    public string? FashionGoals { get; init; }
    public string? AgeGroup { get; init; }
    public List<string>? Gender { get; init; }
    public double? MinPrice { get; init; }
    public double? MaxPrice { get; init; }
    public string? SessionId { get; init; }
    public string? ClientIp { get; init; }
    public string? Location { get; init; }
    public int? CurrentHour { get; init; }
}

/// <summary>The body of <c>/search/textandcolor</c>, shared by its cache-check.</summary>
abstract record ColorSearchBody
{
    public string? QueryStr { get; init; }
    public JsonElement? Color { get; init; }
    public int Limit { get; init; } = 10;
    public double? MinPrice { get; init; }
    public double? MaxPrice { get; init; }
    public long? UserProfileId { get; init; }
    public string? UserName { get; init; }
    public string? ConversationalStyle { get; init; }
    public string? SessionId { get; init; }
    public string? ClientIp { get; init; }
    public string? Location { get; init; }

    public bool HasText => !string.IsNullOrWhiteSpace(QueryStr);
    public bool HasColor => Color is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } c
                            && !(c.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(c.GetString()));
    public string OperationType => HasText && HasColor ? "textandcolor" : HasColor ? "color" : "text";
}

/// <summary>Validation messages in FastAPI's words.</summary>
static class Rules
{
    public const string Required = "field required";
    public const string MissingType = "value_error.missing";
    public static readonly string[] Genders = ["mens", "womens", "unisex", "kids"];

    /// <summary>Preference signals in effect: the request's own, else the stored row's when <c>preferences</c> asks for them.</summary>
    public static (List<string> Colors, List<string> Materials) Signals(TextSearchBody b, PreferencesRow? stored) =>
        (b.FavoriteColors ?? (b.Preferences ? stored?.FavoriteColors?.ToList() : null) ?? [],
         b.FashionMaterialPrefer ?? (b.Preferences ? stored?.FashionMaterialPrefer?.ToList() : null) ?? []);
}
