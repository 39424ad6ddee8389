using System.Text.RegularExpressions;
using Api.Infrastructure.RateLimiting;
using FastEndpoints;
using FastEndpoints.Swagger;
using Microsoft.AspNetCore.WebUtilities;
using NJsonSchema;
using NJsonSchema.Generation;
using Newtonsoft.Json.Linq;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Api.Infrastructure.OpenApi;

/// <summary>
/// Runs after FastEndpoints.Swagger's own processor on each operation of one module's document and makes it say what the
/// slice does on the wire: every route parameter declared under the name the path uses, no body on GET/DELETE/HEAD (its
/// fields are query parameters, as FastEndpoints binds them), every error response in the module's envelope, the
/// slice's security schemes, a tag, and an example for every JSON request body.
/// </summary>
public sealed partial class ModuleOperationProcessor(Modules.Module module) : IOperationProcessor
{
    public string EnvelopeSchemaName => module.Namespace + "ErrorEnvelope";

    public bool Process(OperationProcessorContext ctx)
    {
        if (ctx.GetEndpointDefinition() is not { } def) return true;
        var op = ctx.OperationDescription.Operation;
        var method = ctx.OperationDescription.Method.ToUpperInvariant();
        if (op.OperationId is { } id && id.StartsWith("ApiFeatures", StringComparison.Ordinal))   // the slice's namespace, shorter
            op.OperationId = id["ApiFeatures".Length..] is var rest && rest.EndsWith("Endpoint", StringComparison.Ordinal) ? rest[..^"Endpoint".Length] : rest;

        DeclarePathParameters(ctx.OperationDescription.Path, op);
        if (method is "GET" or "DELETE" or "HEAD") MoveBodyToQuery(op);
        DocumentErrors(ctx.Document, def, method, op);
        Secure(def, method, op);
        if (op.Tags.Count == 0) op.Tags.Add(module.Title.Split(':')[0]);
        AddRequestExample(op);
        return true;
    }

    void DeclarePathParameters(string path, OpenApiOperation op)
    {
        foreach (Match m in RouteParam().Matches(path))
        {
            var name = m.Groups[1].Value;
            var pathParams = op.Parameters.Where(p => p.Kind == OpenApiParameterKind.Path).ToList();
            if (pathParams.Any(p => p.Name == name)) continue;
            if (pathParams.FirstOrDefault(p => Same(p.Name, name)) is { } renamed) { renamed.Name = name; continue; }
            op.Parameters.Add(new OpenApiParameter
            {
                Name = name, Kind = OpenApiParameterKind.Path, IsRequired = true,
                Schema = new JsonSchema { Type = JsonObjectType.String },
            });
        }
        foreach (var p in op.Parameters.Where(p => p.Kind == OpenApiParameterKind.Path)) p.IsRequired = true;
    }

    // "InvoiceId", "invoiceId" and "invoice_id" name the same route value
    static bool Same(string a, string b) =>
        string.Equals(a.Replace("_", "").Replace("-", ""), b.Replace("_", "").Replace("-", ""), StringComparison.OrdinalIgnoreCase);

    static void MoveBodyToQuery(OpenApiOperation op)
    {
        if (op.RequestBody is { } body && body.Content.Values.FirstOrDefault()?.Schema?.ActualSchema is { } schema)
            foreach (var (name, prop) in schema.ActualProperties)
            {
                if (op.Parameters.Any(p => Same(p.Name, name))) continue;
                op.Parameters.Add(new OpenApiParameter
                {
                    Name = name, Kind = OpenApiParameterKind.Query, IsRequired = false, Description = prop.Description,
                    Schema = prop.HasReference ? new JsonSchema { Reference = prop.ActualSchema }
                        : new JsonSchema { Type = prop.Type, Format = prop.Format, Item = prop.Item },
                });
            }
        op.RequestBody = null;
        for (var i = op.Parameters.Count - 1; i >= 0; i--)
            if (op.Parameters[i].Kind is OpenApiParameterKind.Body or OpenApiParameterKind.FormData) op.Parameters.RemoveAt(i);
    }

    void DocumentErrors(OpenApiDocument doc, EndpointDefinition def, string method, OpenApiOperation op)
    {
        var statuses = op.Responses.Keys.Where(k => int.TryParse(k, out var s) && s >= 400).ToHashSet();
        statuses.Add("500");                                                         // every slice can fail unexpectedly
        if (!IsAnonymous(def, method)) { statuses.Add("401"); statuses.Add("403"); }
        if (def.ValidatorType is not null || HasInput(op)) statuses.Add(module.Envelope.ValidationStatus.ToString());
        if (def.EndpointMetadata?.OfType<RateLimited>().Any() == true) statuses.Add("429");

        var envelope = EnvelopeSchema(doc);
        foreach (var status in statuses.Order())
        {
            if (!op.Responses.TryGetValue(status, out var response))
                op.Responses[status] = response = new OpenApiResponse();
            // an anonymous slice that declares a bare status (.Produces(401): a webhook's own signature check) keeps it bare;
            // FastEndpoints' own 401/403 on a secured slice are filled in with the envelope
            else if (response.Content.Count == 0 && IsAnonymous(def, method)) continue;
            if (string.IsNullOrEmpty(response.Description) || response.Description == status)
                response.Description = ReasonPhrases.GetReasonPhrase(int.Parse(status)) is { Length: > 0 } r ? r : "Error";
            // a slice that documents its own error body (a typed 503, say) keeps it; FastEndpoints' ProblemDetails does not
            if (response.Content.Count > 0 && !response.Content.Keys.All(k => k.Contains("problem+json", StringComparison.Ordinal))) continue;
            response.Content.Clear();
            response.Content[module.Envelope.ContentType] = new OpenApiMediaType { Schema = new JsonSchema { Reference = envelope } };
        }
    }

    static bool HasInput(OpenApiOperation op) => op.RequestBody is not null || op.Parameters.Count > 0;

    JsonSchema EnvelopeSchema(OpenApiDocument doc)
    {
        if (doc.Components.Schemas.TryGetValue(EnvelopeSchemaName, out var schema)) return schema;
        schema = JsonSchema.FromJsonAsync(module.Envelope.OpenApiSchema).GetAwaiter().GetResult();
        schema.Title = null;
        schema.Description = $"The {module.Key} error envelope";
        doc.Components.Schemas[EnvelopeSchemaName] = schema;
        return schema;
    }

    static bool IsAnonymous(EndpointDefinition def, string method) =>
        def.AnonymousVerbs is { } verbs && verbs.Any(v => string.Equals(v, method, StringComparison.OrdinalIgnoreCase));

    static void Secure(EndpointDefinition def, string method, OpenApiOperation op)
    {
        if (IsAnonymous(def, method) || def.AuthSchemeNames is not { Count: > 0 } schemes) return;
        op.Security ??= new List<OpenApiSecurityRequirement>();
        foreach (var scheme in schemes)   // alternatives: any one of them is enough
            op.Security.Add(new OpenApiSecurityRequirement { [scheme] = [] });
    }

    /// <summary>True when some operation of the document names the scheme.</summary>
    public static bool UsesScheme(OpenApiDocument doc, string scheme) =>
        doc.Paths.Values.SelectMany(p => p.Values).Any(o => o.Security?.Any(r => r.ContainsKey(scheme)) == true);

    static readonly SampleJsonDataGenerator Samples = new(new SampleJsonDataGeneratorSettings { GenerateOptionalProperties = true });

    static void AddRequestExample(OpenApiOperation op)
    {
        if (op.RequestBody?.Content is not { } content) return;
        foreach (var (type, media) in content)
        {
            if (!type.Contains("json", StringComparison.Ordinal) || media.Example is not null || media.Examples.Count > 0) continue;
            if (media.Schema?.ActualSchema is not { } schema) continue;
            try { media.Example = Samples.Generate(schema) is { Type: not JTokenType.Null } sample ? sample : new JObject(); }   // {} for a free-form body
            catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException) { }
        }
    }

    [GeneratedRegex(@"\{([^}:?=*]+)[^}]*\}")]
    private static partial Regex RouteParam();
}
