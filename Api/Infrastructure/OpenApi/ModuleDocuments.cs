using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Modules;
using FastEndpoints.Swagger;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;
using NSwag;
using NSwag.Generation;

namespace Api.Infrastructure.OpenApi;

/// <summary>
/// One FastEndpoints.Swagger (NSwag) document per enabled module, served at <c>/openapi/&lt;module&gt;.json</c>: the module's
/// slices only, its JSON naming, its security schemes, request examples, and every error response in its envelope
/// (see <see cref="ModuleOperationProcessor"/>). Scalar at <c>/docs</c> reads these documents.
/// </summary>
public static class ModuleDocuments
{
    public static void AddModuleDocuments(this IServiceCollection services)
    {
        foreach (var module in Modules.Modules.All.Where(m => m.Enabled))
            services.SwaggerDocument(o =>
            {
                o.EnableJWTBearerAuth = false;                 // each module declares its own schemes below
                o.AutoTagPathSegmentIndex = 0;                 // tags come from the module groups
                o.ExcludeNonFastEndpoints = true;              // health, bench baselines and the docs themselves are not slices
                o.EndpointFilter = def => Modules.Modules.ForType(def.EndpointType) == module;
                o.RemoveEmptyRequestSchema = true;
                o.SerializerSettings = s =>                    // property names exactly as the module writes them
                {
                    s.PropertyNamingPolicy = module.Json.PropertyNamingPolicy;
                    s.DictionaryKeyPolicy = null;
                    s.Converters.Clear();
                    s.Converters.Add(new JsonStringEnumConverter(module.Json.PropertyNamingPolicy));
                };
                o.NewtonsoftSettings = s =>                    // enum values too (FastEndpoints only knows camelCase ones)
                {
                    s.Converters.Clear();
                    s.Converters.Add(new StringEnumConverter(module.Json.PropertyNamingPolicy == JsonNamingPolicy.CamelCase
                        ? new CamelCaseNamingStrategy() : new SnakeCaseNamingStrategy()));
                };
                o.DocumentSettings = s =>
                {
                    s.SchemaSettings.SchemaProcessors.Add(new CollectionSubclassSchemas());
                    s.DocumentName = module.Key;
                    s.Title = module.Title;
                    s.Version = "v1";
                    s.SchemaSettings.SchemaNameGenerator = new SliceSchemaNames();
                    s.OperationProcessors.Add(new ModuleOperationProcessor(module));
                    s.PostProcess = doc =>
                    {
                        doc.Info.Title = module.Title;
                        foreach (var (name, scheme) in SecuritySchemes)
                            if (ModuleOperationProcessor.UsesScheme(doc, name)) doc.SecurityDefinitions[name] = scheme();
                    };
                    SetNaming(module);
                };
            });
    }

    /// <summary>Serves the documents: each generated once (one at a time, see <see cref="SetNaming"/>) and then cached.</summary>
    public static void MapModuleDocuments(this WebApplication app)
    {
        var cache = new Dictionary<string, string>(StringComparer.Ordinal);
        var gate = new SemaphoreSlim(1, 1);
        app.MapGet("/openapi/{documentName}.json", async (string documentName, HttpContext ctx) =>
        {
            if (Modules.Modules.All.FirstOrDefault(m => m.Enabled && m.Key == documentName) is not { } module) return Results.NotFound();
            string? json;
            await gate.WaitAsync(ctx.RequestAborted);
            try
            {
                if (!cache.TryGetValue(module.Key, out json))
                {
                    var generator = ctx.RequestServices.GetRequiredService<IOpenApiDocumentGenerator>();   // builds every document's settings
                    SetNaming(module);
                    var doc = await generator.GenerateAsync(module.Key);
                    cache[module.Key] = json = Tidy(doc.ToJson());
                }
            }
            finally { gate.Release(); }
            return Results.Text(json, "application/json; charset=utf-8");
        }).ExcludeFromDescription();
    }

    // FastEndpoints.Swagger keeps the naming policy it applies to route and query parameter names (and to the validation
    // rules) in one static property, set from the global serializer options; the modules differ (snake_case, camelCase), so
    // it is set to the module's own before that module's document is generated, and documents are generated one at a time.
    static readonly PropertyInfo SelectedNaming = typeof(Extensions).GetProperty(nameof(Extensions.SelectedJsonNamingPolicy))!;
    static void SetNaming(Modules.Module module) => SelectedNaming.SetValue(null, module.Json.PropertyNamingPolicy);

    /// <summary>Drops component schemas nothing refers to any more (FastEndpoints' ProblemDetails, replaced by the envelope).</summary>
    static string Tidy(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        if (root["components"]?["schemas"] is not JsonObject schemas) return json;
        while (true)
        {
            var text = root.ToJsonString();
            var unused = schemas.Select(s => s.Key)
                .Where(name => !text.Contains($"\"#/components/schemas/{name}\"", StringComparison.Ordinal)).ToList();
            if (unused.Count == 0) break;
            foreach (var name in unused) schemas.Remove(name);
        }
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>The authentication schemes by name, as a client has to send them.</summary>
    static readonly (string Name, Func<OpenApiSecurityScheme> Scheme)[] SecuritySchemes =
    [
        (Schemes.PlatformJwt, () => Bearer("HS256 JWT with a tenant_id claim")),
        (PriceWatchAuth.Scheme, () => Bearer("Supabase access token (HS256 JWT)")),
        (WholesaleAuth.Customer, () => new OpenApiSecurityScheme
        {
            Type = OpenApiSecuritySchemeType.ApiKey, In = OpenApiSecurityApiKeyLocation.Cookie, Name = WholesaleAuth.CookieName,
            Description = "Customer session cookie set by /api/auth/login",
        }),
        (WholesaleAuth.Staff, () => Bearer("Staff JWT (also accepted as the session cookie)")),
        (WholesaleAuth.ApiKey, () => ApiKeyHeader("X-API-Key", "Wholesale API key with scopes")),
        (AdPriorityAuth.Session, () => Bearer("Shopify App Bridge session token (HS256 JWT signed with the app secret)")),
        (ShopperSearchAuth.Scheme, () => ApiKeyHeader(ShopperSearchAuth.MerchantHeader,
            "Merchant id on every call; secured routes also take Authorization: Bearer sk_test_…/sk_live_… or a Shopify session token")),
        (BrandInsightsAuth.JwtScheme, () => Bearer("HS256 JWT with a brand_key claim")),
        (BrandInsightsAuth.ApiKeyScheme, () => ApiKeyHeader(BrandInsightsAuth.ApiKeyHeader, "Ingest key (bik_…)")),
    ];

    static OpenApiSecurityScheme Bearer(string description) => new()
    {
        Type = OpenApiSecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT", Description = description,
    };

    static OpenApiSecurityScheme ApiKeyHeader(string header, string description) => new()
    {
        Type = OpenApiSecuritySchemeType.ApiKey, In = OpenApiSecurityApiKeyLocation.Header, Name = header, Description = description,
    };
}
