using NJsonSchema.Generation;

namespace Api.Infrastructure.OpenApi;

/// <summary>
/// Schema ids from the slice namespace, so the generic type names every slice uses stay unique in a document:
/// <c>Api.Features.Platform.Settings.GetSetting.Response</c> is <c>PlatformSettingsGetSettingResponse</c>, a nested type
/// carries its parent's name (<c>...RequestItem</c>), a generic one its arguments (<c>...PageOfPlatformJobsListJobsRow</c>),
/// and any other type its full name without dots (<c>SystemTextJsonJsonElement</c>).
/// </summary>
public sealed class SliceSchemaNames : ISchemaNameGenerator
{
    const string Features = "Api.Features.";

    public string Generate(Type type)
    {
        var ns = type.Namespace ?? "";
        var prefix = ns.StartsWith(Features, StringComparison.Ordinal) ? ns[Features.Length..] : ns;
        return prefix.Replace(".", "") + Local(type);
    }

    string Local(Type type)
    {
        var name = type.Name.Split('`')[0];
        if (type.IsNested && !type.IsGenericParameter && type.DeclaringType is { } parent) name = Local(parent) + name;
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            var own = type.GetGenericArguments().Skip(type.DeclaringType?.GetGenericArguments().Length ?? 0).ToArray();
            if (own.Length > 0) name += "Of" + string.Join("And", own.Select(Generate));
        }
        return name;
    }
}
