using System.Reflection;
using System.Text.RegularExpressions;
using Api.Infrastructure.Modules;
using FastEndpoints;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Api.Infrastructure.OpenApi;

/// <summary>
/// Makes the Microsoft.AspNetCore.OpenApi document right for FastEndpoints slices (FastEndpoints.Swagger is not in our
/// registry): one document per module, unique schema ids from the slice namespace, path and query parameters from the
/// request DTO, no body on GET/DELETE, error responses, and property names in the module's JSON naming.
/// </summary>
public static partial class FeOpenApi
{
    public static void AddModuleDocuments(this IServiceCollection services)
    {
        foreach (var module in Modules.Modules.All.Where(m => m.Enabled))
            services.AddOpenApi(module.Key, o => Configure(o, module));
    }

    static void Configure(OpenApiOptions o, Modules.Module module)
    {
        o.ShouldInclude = d => DefinitionOf(d.ActionDescriptor.EndpointMetadata) is { } def && Modules.Modules.ForType(def.EndpointType) == module;
        o.CreateSchemaReferenceId = t =>
        {
            var ns = t.Type.Namespace ?? "";
            if (!ns.StartsWith("Api.Features.", StringComparison.Ordinal)) return OpenApiOptions.CreateDefaultSchemaReferenceId(t);
            var name = t.Type.IsNested ? $"{t.Type.DeclaringType!.Name}{t.Type.Name}" : t.Type.Name;
            return ns["Api.Features.".Length..].Replace(".", "") + name;
        };
        o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info = new OpenApiInfo { Title = module.Title, Version = "v1" };
            return Task.CompletedTask;
        });
        o.AddSchemaTransformer((schema, ctx, _) =>
        {
            var naming = module.Json.PropertyNamingPolicy;
            if (naming is null || schema.Properties is not { Count: > 0 } props || ctx.JsonPropertyInfo is not null) return Task.CompletedTask;
            var renamed = props.ToDictionary(kv => naming.ConvertName(kv.Key), kv => kv.Value);
            props.Clear();
            foreach (var kv in renamed) props[kv.Key] = kv.Value;
            if (schema.Required is { Count: > 0 } req)
            {
                var r = req.Select(naming.ConvertName).ToList();
                req.Clear();
                foreach (var x in r) req.Add(x);
            }
            return Task.CompletedTask;
        });
        o.AddOperationTransformer(async (op, ctx, ct) =>
        {
            if (DefinitionOf(ctx.Description.ActionDescriptor.EndpointMetadata) is not { } def) return;
            var naming = module.Json.PropertyNamingPolicy;
            var route = ctx.Description.RelativePath ?? "";
            var routeNames = RouteParam().Matches(route).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var props = def.ReqDtoType == typeof(EmptyRequest) ? [] :
                def.ReqDtoType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToArray();
            op.Parameters ??= [];
            foreach (var name in routeNames)
            {
                if (op.Parameters.Any(p => p.In == ParameterLocation.Path && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))) continue;
                var prop = props.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
                op.Parameters.Add(new OpenApiParameter
                {
                    Name = name, In = ParameterLocation.Path, Required = true,
                    Schema = await ctx.GetOrCreateSchemaAsync(prop?.PropertyType ?? typeof(string), null, ct),
                });
            }
            var method = ctx.Description.HttpMethod ?? "GET";
            if (method is "GET" or "DELETE" or "HEAD")
            {
                foreach (var prop in props.Where(p => !routeNames.Contains(p.Name)))
                {
                    var wire = prop.GetCustomAttribute<BindFromAttribute>()?.Name ?? naming?.ConvertName(prop.Name) ?? prop.Name;
                    op.Parameters.Add(new OpenApiParameter
                    {
                        Name = wire, In = ParameterLocation.Query, Required = false,
                        Schema = await ctx.GetOrCreateSchemaAsync(prop.PropertyType, null, ct),
                    });
                }
                op.RequestBody = null;
            }
            op.Responses ??= [];
            foreach (var status in new[] { "400", "401", "403", "404", "409", "422", "429", "500" }
                         .Where(s => !op.Responses.ContainsKey(s) && Documents(def, s)))
                op.Responses[status] = new OpenApiResponse
                {
                    Description = $"Error in the {module.Key} envelope",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [module.Envelope.ContentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } },
                    },
                };
            if (op.Tags is null || op.Tags.Count == 0)
                op.Tags = new HashSet<OpenApiTagReference> { new(module.Title.Split(':')[0], ctx.Document) };
        });
    }

    // Every slice can fail validation and unexpectedly; secured slices can answer 401/403; the rest only if declared.
    static bool Documents(EndpointDefinition def, string status) => status switch
    {
        "500" => true,
        "401" or "403" => def.AnonymousVerbs is null || def.AnonymousVerbs.Length == 0,
        "400" or "422" => def.ValidatorType is not null,
        _ => false,
    };

    static EndpointDefinition? DefinitionOf(IEnumerable<object> metadata) => metadata.OfType<EndpointDefinition>().FirstOrDefault();

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex RouteParam();
}
