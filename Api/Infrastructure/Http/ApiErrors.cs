using System.Text.Json;
using Api.Infrastructure.Modules;
using ErrorOr;
using FluentValidation.Results;

namespace Api.Infrastructure.Http;

/// <summary>Writes failures in the envelope of the module that owns the request. The only ErrorType-to-status table.</summary>
public static class ApiErrors
{
    public static int StatusFor(ErrorType type) => type switch
    {
        ErrorType.Validation => 400,
        ErrorType.Unauthorized => 401,
        ErrorType.Forbidden => 403,
        ErrorType.NotFound => 404,
        ErrorType.Conflict => 409,
        ErrorType.Failure => 400,
        ErrorType.Unexpected => 500,
        var custom when (int)custom is >= 100 and <= 599 => (int)custom,   // Error.Custom(429, ...) and friends
        _ => 500,
    };

    public static ApiError From(IReadOnlyList<Error> errors)
    {
        var first = errors[0];
        if (first.Type == ErrorType.Validation)
            return ApiError.Validation(
                errors.Where(e => e.Type == ErrorType.Validation).Select(e => new FieldError(
                    Meta(e, "field") as string ?? e.Code, e.Description, Meta(e, "location") as string ?? "body",
                    Meta(e, "type") as string, Meta(e, "value"))).ToList(),
                first.Code, first.Description);

        return new ApiError(StatusFor(first.Type), first.Code, first.Description)
        {
            Details = first.Metadata?.Where(kv => kv.Key != "headers").ToDictionary(kv => kv.Key, kv => (object?)kv.Value) is { Count: > 0 } d ? d : null,
        };
    }

    static object? Meta(Error e, string key) => e.Metadata is { } m && m.TryGetValue(key, out var v) ? v : null;

    public static ApiError From(IEnumerable<ValidationFailure> failures, HttpContext ctx) =>
        ApiError.Validation(failures.Select(f => new FieldError(
            FieldName(f.PropertyName, ctx), f.ErrorMessage, LocationOf(f.PropertyName, ctx),
            string.IsNullOrEmpty(f.ErrorCode) ? null : f.ErrorCode, f.AttemptedValue)).ToList());

    public static Task WriteAsync(HttpContext ctx, ApiError error, CancellationToken ct = default)
    {
        var module = Modules.Modules.ForContext(ctx) ?? Modules.Modules.Platform;
        var status = error.IsValidation ? module.Envelope.ValidationStatus : error.Status;
        var body = module.Envelope.Body(error, status, ctx.TraceIdentifier);
        if (ctx.Response.HasStarted) return Task.CompletedTask;
        ctx.Response.StatusCode = status;
        return ctx.Response.WriteAsJsonAsync(body, module.Json, module.Envelope.ContentType, ct);
    }

    /// <summary>Body and status without writing, for FastEndpoints' error response builder.</summary>
    public static (int Status, object Body) Build(HttpContext ctx, ApiError error)
    {
        var module = Modules.Modules.ForContext(ctx) ?? Modules.Modules.Platform;
        var status = error.IsValidation ? module.Envelope.ValidationStatus : error.Status;
        return (status, module.Envelope.Body(error, status, ctx.TraceIdentifier));
    }

    // FluentValidation names properties in C# (ProductId); the wire uses the module's naming (product_id / productId).
    static string FieldName(string property, HttpContext ctx)
    {
        if (string.IsNullOrEmpty(property) || property == "SerializerErrors" || property == "GeneralErrors") return "body";
        var module = Modules.Modules.ForContext(ctx) ?? Modules.Modules.Platform;
        var naming = module.Json.PropertyNamingPolicy;
        // a property the request renames on the wire ([JsonPropertyName("userPrefsNotPresent")]) keeps that name
        var dto = ctx.GetEndpoint()?.Metadata.GetMetadata<FastEndpoints.EndpointDefinition>()?.ReqDtoType;
        if (!property.Contains('.') && dto?.GetProperty(property, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase)?.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonPropertyNameAttribute), true)
                is [System.Text.Json.Serialization.JsonPropertyNameAttribute named, ..]) return named.Name;
        return string.Join('.', property.Split('.').Select(p => naming?.ConvertName(p) ?? p));
    }

    static string LocationOf(string property, HttpContext ctx)
    {
        if (string.IsNullOrEmpty(property)) return "body";
        var route = ctx.Request.RouteValues;
        if (route.Keys.Any(k => string.Equals(k, property, StringComparison.OrdinalIgnoreCase))) return "path";
        var module = Modules.Modules.ForContext(ctx) ?? Modules.Modules.Platform;
        var wire = module.Json.PropertyNamingPolicy?.ConvertName(property) ?? property;
        if (ctx.Request.Query.ContainsKey(wire) || ctx.Request.Query.ContainsKey(property)
            || HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsDelete(ctx.Request.Method)) return "query";
        return "body";
    }

    internal static readonly JsonSerializerOptions Fallback = new(JsonSerializerDefaults.Web);
}
