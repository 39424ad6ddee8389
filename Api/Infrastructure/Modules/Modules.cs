using System.Collections.Concurrent;
using System.Text.Json;
using FastEndpoints;

namespace Api.Infrastructure.Modules;

/// <summary>The five documented products plus the module-independent platform slices.</summary>
public static class Modules
{
    public static readonly Module PriceWatch = new()
    {
        Key = "pricewatch", Namespace = "PriceWatch", Title = "PriceWatch: competitor price monitoring",
        DefaultBasePath = "/pricewatch", Json = Module.JsonWith(JsonNamingPolicy.SnakeCaseLower), Envelope = ErrorEnvelopes.FastApi,
    };
    public static readonly Module Wholesale = new()
    {
        Key = "wholesale", Namespace = "Wholesale", Title = "Wholesale: B2B restaurant-supply ordering",
        DefaultBasePath = "/wholesale", Json = Module.JsonWith(JsonNamingPolicy.SnakeCaseLower), Envelope = ErrorEnvelopes.SuccessFalse,
    };
    public static readonly Module ShopperSearch = new()
    {
        Key = "shopper", Namespace = "ShopperSearch", Title = "ShopperSearch: natural-language product search",
        DefaultBasePath = "/shopper", Json = Module.JsonWith(JsonNamingPolicy.SnakeCaseLower), Envelope = ErrorEnvelopes.FastApi,
    };
    public static readonly Module AdPriority = new()
    {
        Key = "adpriority", Namespace = "AdPriority", Title = "AdPriority: Shopify priority scoring and Merchant Center labels",
        DefaultBasePath = "/adpriority", Json = Module.JsonWith(JsonNamingPolicy.CamelCase), Envelope = ErrorEnvelopes.NestedError,
    };
    public static readonly Module BrandInsights = new()
    {
        Key = "brand-insights", Namespace = "BrandInsights", Title = "BrandInsights: brand distribution analytics",
        DefaultBasePath = "/brand-insights", Json = Module.JsonWith(JsonNamingPolicy.SnakeCaseLower), Envelope = ErrorEnvelopes.CodedFlat,
    };
    public static readonly Module Platform = new()
    {
        Key = "platform", Namespace = "Platform", Title = "Platform: tenant settings and background jobs",
        DefaultBasePath = "/platform", Json = Module.JsonWith(JsonNamingPolicy.SnakeCaseLower), Envelope = ErrorEnvelopes.Problem,
    };

    public static readonly IReadOnlyList<Module> All = [PriceWatch, Wholesale, ShopperSearch, AdPriority, BrandInsights, Platform];

    static readonly ConcurrentDictionary<Type, Module?> ByType = new();

    /// <summary>Reads <c>Modules:&lt;key&gt;:BasePath</c> and <c>Modules:&lt;key&gt;:Enabled</c>.</summary>
    public static void Configure(IConfiguration config)
    {
        foreach (var m in All)
        {
            var section = config.GetSection($"Modules:{m.Key}");
            m.BasePath = NormalizeBasePath(section["BasePath"] ?? m.DefaultBasePath);
            m.Enabled = section.GetValue("Enabled", true);
        }
    }

    public static string NormalizeBasePath(string path)
    {
        var trimmed = path.Trim().Trim('/');
        return trimmed.Length == 0 ? "" : "/" + trimmed;
    }

    /// <summary>The module a slice type belongs to, from its namespace (<c>Api.Features.&lt;Module&gt;...</c>).</summary>
    public static Module? ForType(Type type) => ByType.GetOrAdd(type, static t =>
    {
        var ns = t.Namespace ?? "";
        const string prefix = "Api.Features.";
        if (!ns.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var name = ns[prefix.Length..].Split('.')[0];
        return All.FirstOrDefault(m => m.Namespace == name);
    });

    /// <summary>The module that answers this request: the matched slice's, else the one whose base path the URL is under.</summary>
    public static Module? ForContext(HttpContext ctx)
    {
        if (ctx.Items.TryGetValue(typeof(Module), out var cached)) return (Module?)cached;
        var def = ctx.GetEndpoint()?.Metadata.GetMetadata<EndpointDefinition>();
        var module = def is not null
            ? ForType(def.EndpointType)
            : All.Where(m => m.BasePath.Length > 0 && m.Owns(ctx.Request.Path)).MaxBy(m => m.BasePath.Length)
              ?? All.FirstOrDefault(m => m.Enabled && m.BasePath.Length == 0);
        if (ctx.GetEndpoint() is not null) ctx.Items[typeof(Module)] = module;
        return module;
    }
}
