using System.Globalization;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http.Features;

namespace Api.Features.ShopperSearch.Search.Image;

/// <summary>
/// Image search, a multipart upload. The form is read here (not by FastEndpoints' binder) so that an oversized, truncated or
/// malformed body becomes a documented 4xx rather than an exception: over 10 MB is 413, a file that is not JPEG/PNG/WebP 415,
/// a missing file or bad <c>limit</c>/<c>crop_values</c> 422, no <c>X-Merchant-ID</c> 400.
/// </summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("api/v1/product/search/image");
        Group<ShopperSearchGroup>();
        Definition.Metadata(new RequestBodyLimit(64L * 1024 * 1024));   // the slice answers its documented 413 above 10 MB itself
        Description(b => b.WithSummary("Upload an image (JPEG/PNG/WebP, ≤ 10 MB; optional crop_values) and get visually similar products")
            .Produces<Response>()   // no Accepts(multipart): routing would answer other content types with a bare 415
            .ProducesProblemDetails(413).ProducesProblemDetails(415).ProducesProblemDetails(422).ProducesProblemDetails(400));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var result = await mediator.Send(await ReadAsync(HttpContext, ct), ct);
        if (result.IsError) await ApiErrors.WriteAsync(HttpContext, ApiErrors.From(result.Errors), ct);
        else await Send.OkAsync(result.Value, ct);
    }

    static async Task<Request> ReadAsync(HttpContext ctx, CancellationToken ct)
    {
        const long bodyLimit = Request.MaxFileBytes + 1024 * 1024;   // the file plus room for the other fields and boundaries
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } max) max.MaxRequestBodySize = bodyLimit;
        if (ctx.Request.ContentLength > bodyLimit) return new Request { Problem = UploadProblem.TooLarge };
        if (!ctx.Request.HasFormContentType) return new Request();   // no form at all: the file is missing
        IFormCollection form;
        try
        {
            form = await ctx.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = bodyLimit, ValueCountLimit = 64, ValueLengthLimit = 64 * 1024 }, ct);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)) { return new Request { Problem = UploadProblem.TooLarge }; }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge) { return new Request { Problem = UploadProblem.TooLarge }; }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException) { return new Request { Problem = UploadProblem.Malformed }; }

        string? Field(string name) => form.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;
        var file = form.Files.GetFile("file");
        byte[]? bytes = null;
        if (file is { Length: > 0 and <= Request.MaxFileBytes })
        {
            using var ms = new MemoryStream((int)file.Length);
            await file.CopyToAsync(ms, ct);
            bytes = ms.ToArray();
        }
        return new Request
        {
            File = bytes, FileLength = file?.Length, FileName = file?.FileName,
            Limit = Field("limit"), CropValues = Field("crop_values"), UserProfileId = Field("user_profile_id"),
            UserName = Field("user_name"), ConversationalStyle = Field("conversational_style"),
        };
    }
}

/// <summary>What went wrong reading the upload before any field could be looked at.</summary>
enum UploadProblem { None, TooLarge, Malformed }

/// <summary>The multipart form as read; the handler validates every field (numbers arrive as text, as in any form).</summary>
sealed record Request : IRequest<ErrorOr.ErrorOr<Response>>
{
    public const long MaxFileBytes = 10L * 1024 * 1024;
    public UploadProblem Problem { get; init; }
    public byte[]? File { get; init; }
    public long? FileLength { get; init; }
    public string? FileName { get; init; }
    public string? Limit { get; init; }
    public string? CropValues { get; init; }
    public string? UserProfileId { get; init; }
    public string? UserName { get; init; }
    public string? ConversationalStyle { get; init; }

    public static bool TryInt(string? s, out long v) => long.TryParse(s?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v);
}

/// <summary>Documented item: product_id, product_name, price, price_numeric, image1, distance (a flat array, not results.data).</summary>
sealed record Response(List<Dictionary<string, object?>> Results, string Recommendation, bool Success);
