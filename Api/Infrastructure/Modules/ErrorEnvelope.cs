using Api.Infrastructure.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Api.Infrastructure.Modules;

/// <summary>The shape of one module's error bodies (the five shapes of spec/README.md, plus RFC 9457 for the platform).</summary>
public abstract class ErrorEnvelope
{
    /// <summary>Status for validation failures: 422 for the FastAPI modules and BrandInsights, 400 elsewhere.</summary>
    public abstract int ValidationStatus { get; }
    public virtual string ContentType => "application/json";
    public abstract Dictionary<string, object?> Body(ApiError error, int status, string requestId);
    /// <summary>The body's JSON schema, as every error response of the module's OpenAPI document states it.</summary>
    public abstract string OpenApiSchema { get; }

    protected static string Reason(int status) => ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } r ? r : "Error";
}

public static class ErrorEnvelopes
{
    /// <summary>FastAPI: <c>{"detail": "..."}</c>; validation 422 <c>{"detail": [{"loc", "msg", "type"}]}</c>.</summary>
    public static readonly ErrorEnvelope FastApi = new FastApiEnvelope();
    /// <summary>Wholesale: <c>{"success": false, "error": "...", "details": {field: problem}}</c>.</summary>
    public static readonly ErrorEnvelope SuccessFalse = new SuccessFalseEnvelope();
    /// <summary>AdPriority: <c>{"error": {"code", "message", "details"}}</c>.</summary>
    public static readonly ErrorEnvelope NestedError = new NestedErrorEnvelope();
    /// <summary>BrandInsights: <c>{"error": "Unauthorized", "code", "message"}</c> + details (422) / request_id (500).</summary>
    public static readonly ErrorEnvelope CodedFlat = new CodedFlatEnvelope();
    /// <summary>Platform: RFC 9457 problem details with <c>code</c> and <c>request_id</c>.</summary>
    public static readonly ErrorEnvelope Problem = new ProblemEnvelope();

    sealed class FastApiEnvelope : ErrorEnvelope
    {
        public override string OpenApiSchema => """
            {"type":"object","required":["detail"],"properties":{"detail":{"description":"A message, or one entry per invalid field (422)","oneOf":[{"type":"string"},{"type":"array","items":{"type":"object","required":["loc","msg","type"],"properties":{"loc":{"type":"array","items":{"type":"string"}},"msg":{"type":"string"},"type":{"type":"string"}}}}]}},"example":{"detail":"Not found"}}
            """;
        public override int ValidationStatus => 422;
        public override Dictionary<string, object?> Body(ApiError e, int status, string requestId) => e.IsValidation
            ? new() { ["detail"] = e.Fields.Select(f => new Dictionary<string, object?>
              {
                  ["loc"] = new object[] { f.Location, f.Field }, ["msg"] = f.Message, ["type"] = f.Type ?? "value_error",
              }).ToList() }
            : new() { ["detail"] = e.Message };
    }

    sealed class SuccessFalseEnvelope : ErrorEnvelope
    {
        public override string OpenApiSchema => """
            {"type":"object","required":["success","error"],"properties":{"success":{"type":"boolean","enum":[false]},"error":{"type":"string"},"details":{"type":"object","description":"Per field problem (validation) or extra facts","additionalProperties":{}}},"example":{"success":false,"error":"Not found"}}
            """;
        public override int ValidationStatus => 400;
        public override Dictionary<string, object?> Body(ApiError e, int status, string requestId)
        {
            var body = new Dictionary<string, object?> { ["success"] = false, ["error"] = e.Message };
            if (e.IsValidation) body["details"] = FieldMap(e.Fields);
            else if (e.Details is not null) body["details"] = e.Details;
            return body;
        }
    }

    sealed class NestedErrorEnvelope : ErrorEnvelope
    {
        public override string OpenApiSchema => """
            {"type":"object","required":["error"],"properties":{"error":{"type":"object","required":["code","message"],"properties":{"code":{"type":"string","example":"NOT_FOUND"},"message":{"type":"string"},"details":{"type":"object","description":"field, value, constraint and issues[] on validation errors","additionalProperties":{}}}}},"example":{"error":{"code":"NOT_FOUND","message":"Not found"}}}
            """;
        public override int ValidationStatus => 400;
        public override Dictionary<string, object?> Body(ApiError e, int status, string requestId)
        {
            var error = new Dictionary<string, object?> { ["code"] = e.Code ?? DefaultCode(status), ["message"] = e.Message };
            if (e.IsValidation)
            {
                var first = e.Fields[0];
                error["details"] = new Dictionary<string, object?>
                {
                    ["field"] = first.Field, ["value"] = first.Value, ["constraint"] = first.Type,
                    ["issues"] = e.Fields.Select(f => new Dictionary<string, object?> { ["field"] = f.Field, ["message"] = f.Message }).ToList(),
                };
            }
            else if (e.Details is not null) error["details"] = e.Details;
            return new() { ["error"] = error };
        }

        static string DefaultCode(int status) => status switch
        {
            400 => "VALIDATION_ERROR", 401 => "UNAUTHORIZED", 403 => "FORBIDDEN", 404 => "NOT_FOUND", 405 => "METHOD_NOT_ALLOWED",
            409 => "CONFLICT", 413 => "PAYLOAD_TOO_LARGE", 415 => "UNSUPPORTED_MEDIA_TYPE", 429 => "RATE_LIMITED",
            503 => "SERVICE_UNAVAILABLE", < 500 => "BAD_REQUEST", _ => "INTERNAL_ERROR",
        };
    }

    sealed class CodedFlatEnvelope : ErrorEnvelope
    {
        public override string OpenApiSchema => """
            {"type":"object","required":["error","code","message"],"properties":{"error":{"type":"string"},"code":{"type":"string"},"message":{"type":"string"},"details":{"type":"object","additionalProperties":{}},"request_id":{"type":"string","description":"5xx only"}},"example":{"error":"Brand not found","code":"BRAND_NOT_FOUND","message":"Not found"}}
            """;
        public override int ValidationStatus => 422;
        public override Dictionary<string, object?> Body(ApiError e, int status, string requestId)
        {
            var code = e.Code ?? DefaultCode(status);
            var body = new Dictionary<string, object?>
            {
                ["error"] = Title(code, status), ["code"] = code,
                ["message"] = e.IsValidation && e.Code is null or "INVALID_PARAMS" ? "Invalid parameters" : e.Message,
            };
            if (e.IsValidation) body["details"] = FieldMap(e.Fields);
            else if (e.Details is not null) body["details"] = e.Details;
            if (status >= 500) body["request_id"] = requestId;
            return body;
        }

        // the document's titles per code (004, "Error responses"); other statuses fall back to the reason phrase
        static string Title(string code, int status) => code switch
        {
            "AUTH_REQUIRED" => "Unauthorized",
            "BRAND_ACCESS_DENIED" => "Access denied",
            "BRAND_NOT_FOUND" => "Brand not found",
            "FEATURE_DISABLED" => "Feature not available",
            "INVALID_PARAMS" => "Validation error",
            "INTERNAL_ERROR" => "Internal server error",
            _ => Reason(status),
        };

        static string DefaultCode(int status) => status switch
        {
            401 => "AUTH_REQUIRED", 403 => "BRAND_ACCESS_DENIED", 404 => "NOT_FOUND", 422 or 400 => "INVALID_PARAMS",
            405 => "METHOD_NOT_ALLOWED", 413 => "PAYLOAD_TOO_LARGE", 415 => "UNSUPPORTED_MEDIA_TYPE",
            429 => "RATE_LIMITED", 503 => "SERVICE_UNAVAILABLE", < 500 => "BAD_REQUEST", _ => "INTERNAL_ERROR",
        };
    }

    sealed class ProblemEnvelope : ErrorEnvelope
    {
        public override string OpenApiSchema => """
            {"type":"object","required":["type","title","status","detail","request_id"],"properties":{"type":{"type":"string"},"title":{"type":"string"},"status":{"type":"integer","format":"int32"},"detail":{"type":"string"},"request_id":{"type":"string"},"code":{"type":"string"},"errors":{"type":"object","additionalProperties":{"type":"array","items":{"type":"string"}}},"details":{"type":"object","additionalProperties":{}}},"example":{"type":"https://httpstatuses.io/404","title":"Not Found","status":404,"detail":"Not found","request_id":"0HN..."}}
            """;
        public override int ValidationStatus => 400;
        public override string ContentType => "application/problem+json";
        public override Dictionary<string, object?> Body(ApiError e, int status, string requestId)
        {
            var body = new Dictionary<string, object?>
            {
                ["type"] = $"https://httpstatuses.io/{status}", ["title"] = Reason(status), ["status"] = status,
                ["detail"] = e.Message, ["request_id"] = requestId,
            };
            if (e.Code is not null) body["code"] = e.Code;
            if (e.IsValidation)
                body["errors"] = e.Fields.GroupBy(f => f.Field).ToDictionary(g => g.Key, g => g.Select(f => f.Message).ToArray());
            else if (e.Details is not null) body["details"] = e.Details;
            return body;
        }
    }

    static Dictionary<string, object?> FieldMap(IEnumerable<FieldError> fields) =>
        fields.GroupBy(f => f.Field).ToDictionary(g => g.Key, g => (object?)string.Join("; ", g.Select(f => f.Message)));
}
