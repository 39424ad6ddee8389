using System.Text.Json;
using System.Text.Json.Serialization;

namespace Api.Infrastructure.Modules;

/// <summary>
/// One hosted product. Everything that differs between modules on the wire lives here: where it is mounted,
/// how its JSON is named and how its errors look. Slices never build error bodies themselves.
/// </summary>
public sealed class Module
{
    public required string Key { get; init; }              // config key and OpenAPI document name
    public required string Namespace { get; init; }        // Api.Features.<Namespace>
    public required string Title { get; init; }
    public required string DefaultBasePath { get; init; }
    public required JsonSerializerOptions Json { get; init; }
    public required ErrorEnvelope Envelope { get; init; }

    /// <summary>Base path in effect (set once at start-up from configuration); "" when mounted at the root.</summary>
    public string BasePath { get; internal set; } = "";
    public bool Enabled { get; internal set; } = true;

    internal static JsonSerializerOptions JsonWith(JsonNamingPolicy naming) => new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = naming,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Converters = { new JsonStringEnumConverter(naming) },
    };

    public bool Owns(PathString path) =>
        Enabled && (BasePath.Length == 0 || path.StartsWithSegments(BasePath, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Key;
}
