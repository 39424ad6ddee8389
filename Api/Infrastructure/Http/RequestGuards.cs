using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Api.Infrastructure.Http;

/// <summary>A failure found before a handler runs (malformed body, size, conflicting parameters); written in the module's envelope.</summary>
public sealed class ApiException(ApiError error) : Exception(error.Message)
{
    public ApiError Error { get; } = error;
}

/// <summary>
/// Endpoint metadata: the largest request body the route accepts (<c>Definition.Metadata(new RequestBodyLimit(...))</c>).
/// Routes without it accept <see cref="RequestGuards.DefaultBodyLimit"/>.
/// </summary>
public sealed record RequestBodyLimit(long Bytes);

/// <summary>
/// Checks every request gets before its slice (issue 17 §3 and §6): the body size against the route's limit (413), a path
/// parameter repeated with another value in the query string (400), and for JSON bodies (<see cref="ReadJsonAsync"/>): the
/// charset (415 unless UTF-8), NUL characters and lone surrogates in strings (400 naming the field: PostgreSQL text and
/// jsonb refuse both), numbers outside what a double holds (jsonb and the handlers refuse them), and a top-level field that
/// names a path parameter with another value (400).
/// </summary>
public static class RequestGuards
{
    public const long DefaultBodyLimit = 1L << 20;

    public static long BodyLimitOf(HttpContext ctx) =>
        ctx.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimit>()?.Bytes ?? DefaultBodyLimit;

    /// <summary>Reads, checks and deserializes a JSON body (FastEndpoints' request deserializer).</summary>
    public static async ValueTask<object?> ReadJsonAsync(HttpRequest req, Type type, JsonSerializerOptions json, CancellationToken ct)
    {
        var bytes = await ReadCheckedAsync(req, ct);
        return JsonSerializer.Deserialize(bytes.Span, type, json);
    }

    /// <summary>
    /// The whole JSON body after the checks (throws <see cref="ApiException"/>), for slices that parse it themselves.
    /// Malformed JSON passes: the caller's parser reports it in the slice's own words.
    /// </summary>
    public static async ValueTask<ReadOnlyMemory<byte>> ReadCheckedAsync(HttpRequest req, CancellationToken ct)
    {
        if (!req.HasJsonContentType())
            throw new ApiException(new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type: this endpoint accepts JSON (application/json, UTF-8)"));
        if (MediaTypeHeaderValue.TryParse(req.ContentType, out var media) && media.Charset.HasValue
            && media.Charset.Value.Trim('"') is var charset && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            throw new ApiException(new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", $"Unsupported charset '{Clip(charset)}': JSON bodies must be UTF-8"));

        var limit = BodyLimitOf(req.HttpContext);
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var n = await req.Body.ReadAsync(buffer.GetMemory(8192), ct);
            if (n == 0) break;
            buffer.Advance(n);
            if (buffer.WrittenCount > limit) throw TooLarge(limit);
        }
        var bytes = buffer.WrittenMemory;
        if (Check(bytes.Span, req.HttpContext) is { } problem) throw new ApiException(problem);
        return bytes;
    }

    public static ApiException TooLarge(long limit) =>
        new(new ApiError(413, "PAYLOAD_TOO_LARGE", $"Request body too large: this endpoint accepts at most {Size(limit)}"));

    static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes >> 20} MiB" : $"{bytes >> 10} KiB";

    /// <summary>One pass over the JSON: the first NUL, lone surrogate, out-of-range number or path conflict, as a 400.</summary>
    static ApiError? Check(ReadOnlySpan<byte> utf8, HttpContext ctx)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Disallow });
        var path = new List<string>();
        string? property = null;
        var route = ctx.Request.RouteValues;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();   // throws on a lone surrogate
                        if (property!.Contains('\0')) return Bad(Field(path, "(name)"), "field names must not contain NUL characters");
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.Add(property ?? (path.Count == 0 ? "" : "[]"));
                        property = null;
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        continue;
                    case JsonTokenType.String:
                        string value;
                        try { value = reader.GetString()!; }
                        catch (InvalidOperationException) { return Bad(Field(path, property), "text must be valid Unicode (a lone surrogate was sent)"); }
                        if (value.Contains('\0')) return Bad(Field(path, property), "text must not contain NUL (\\u0000) characters");
                        if (path.Count == 1 && property is not null && Conflicts(route, property, value) is { } p1) return p1;
                        break;
                    case JsonTokenType.Number:
                        if (!reader.TryGetDouble(out var d) || !double.IsFinite(d)) return Bad(Field(path, property), "number out of range");
                        if (path.Count == 1 && property is not null
                            && Conflicts(route, property, Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan)) is { } p2) return p2;
                        break;
                }
                if (reader.TokenType != JsonTokenType.PropertyName) property = null;
            }
        }
        catch (InvalidOperationException)
        {
            return Bad(Field(path, property), "text must be valid Unicode (a lone surrogate was sent)");
        }
        catch (JsonException)
        {
            return null;   // malformed JSON: the serializer reports it in the slice's validation envelope
        }
        return null;
    }

    /// <summary>A plain 400 (not the module's 422 validation shape) whose message and details name the field.</summary>
    public static ApiError Bad(string field, string message) =>
        new(400, null, $"{field}: {message}") { Details = new Dictionary<string, object?> { ["field"] = field } };

    static string Field(List<string> path, string? property) =>
        string.Join('.', path.Where(p => p.Length > 0).Append(property ?? "").Where(p => p.Length > 0)) is { Length: > 0 } f ? f : "body";

    /// <summary>A 400 when <paramref name="name"/> (any case, with or without underscores) is a path parameter with another value.</summary>
    public static ApiError? Conflicts(RouteValueDictionary route, string name, string value)
    {
        var key = Normalize(name);
        foreach (var (k, v) in route)
        {
            if (Normalize(k) != key || v is null) continue;
            var pathValue = Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            if (!string.Equals(pathValue.Trim(), value.Trim(), StringComparison.OrdinalIgnoreCase))
                return new ApiError(400, null, $"{name} '{Clip(value)}' conflicts with the path's {k} '{Clip(pathValue)}'")
                {
                    Details = new Dictionary<string, object?> { ["field"] = name },
                };
        }
        return null;
    }

    static string Clip(string s) => s.Length > 64 ? s[..64] + "…" : s;

    static string Normalize(string s) => s.Replace("_", "").Replace("-", "").ToLowerInvariant();
}

/// <summary>
/// Runs after routing and authorization: refuses bodies over the route's limit (and lowers the server's own limit to it, so
/// a chunked body is cut off too) and a query parameter that contradicts a path parameter.
/// </summary>
public sealed class RequestGuardMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext ctx)
    {
        if (ctx.GetEndpoint() is not null)
        {
            var limit = RequestGuards.BodyLimitOf(ctx);
            if (ctx.Request.ContentLength > limit) throw RequestGuards.TooLarge(limit);
            if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } max) max.MaxRequestBodySize = limit;

            // a body without a Content-Type on a route that declares what it accepts: 415 here, in the envelope (the framework's is bare)
            if (string.IsNullOrEmpty(ctx.Request.ContentType) && (ctx.Request.ContentLength > 0 || ctx.Request.Headers.TransferEncoding.Count > 0)
                && ctx.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>() is { ContentTypes.Count: > 0 } accepts)
                throw new ApiException(new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", $"Unsupported media type: send Content-Type {accepts.ContentTypes[0]}"));

            foreach (var (name, values) in ctx.Request.Query)
                foreach (var value in values)
                {
                    if (value is null) continue;
                    if (value.Contains('\0') || name.Contains('\0')) throw new ApiException(RequestGuards.Bad(name.Replace("\0", ""), "text must not contain NUL characters"));
                    if (RequestGuards.Conflicts(ctx.Request.RouteValues, name, value) is { } conflict) throw new ApiException(conflict);
                }
            foreach (var (name, value) in ctx.Request.RouteValues)
                if (value is string text && text.Contains('\0')) throw new ApiException(RequestGuards.Bad(name, "text must not contain NUL characters"));
        }
        await next(ctx);
    }
}
