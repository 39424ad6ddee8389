using Api.Features.Wholesale.Catalog.Images;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http.Features;

namespace Api.Features.Wholesale.Catalog.V1UploadImage;

/// <summary>
/// A multipart upload with the file in <c>image</c>. The form is read here (not by FastEndpoints' binder) so that an
/// oversized, truncated or malformed body is a 4xx in the envelope: over 5 MB 413, not an image 415, no file 400.
/// </summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("api/v1/products/{identifier}/image");
        Group<WholesaleGroup>();
        this.ApiKey("products:write");
        this.RateLimit(WholesaleModule.ApiKeyCalls);
        Definition.Metadata(new RequestBodyLimit(ImagePipeline.MaxBytes + 256 * 1024));   // the slice answers 413 past 5 MB itself
        Description(b => b.WithSummary("Key API: upload a product's image (multipart field `image`; JPEG/PNG/WebP/GIF/BMP, at most 5 MB)")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(401).ProducesProblemDetails(403)
            .ProducesProblemDetails(404).ProducesProblemDetails(413).ProducesProblemDetails(415));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var read = await ReadAsync(HttpContext, ct);
        ErrorOr<Response> result = read.IsError ? read.Errors : await mediator.Send(new Request(Route<string>("identifier") ?? "", read.Value), ct);
        if (result.IsError) await ApiErrors.WriteAsync(HttpContext, ApiErrors.From(result.Errors), ct);
        else await Send.OkAsync(result.Value, ct);
    }

    static async Task<ErrorOr<byte[]>> ReadAsync(HttpContext ctx, CancellationToken ct)
    {
        const long bodyLimit = ImagePipeline.MaxBytes + 256 * 1024;   // the file plus the form's boundaries and headers
        var tooLarge = Error.Custom(413, "PAYLOAD_TOO_LARGE", "The image is larger than 5 MB.");
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } max) max.MaxRequestBodySize = bodyLimit;
        if (ctx.Request.ContentLength > bodyLimit) return tooLarge;
        if (!ctx.Request.HasFormContentType) return Error.Validation("image", "Send the image as multipart/form-data in the field 'image'");
        IFormCollection form;
        try
        {
            form = await ctx.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = bodyLimit, ValueCountLimit = 16, ValueLengthLimit = 16 * 1024 }, ct);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)) { return tooLarge; }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge) { return tooLarge; }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return Error.Validation("image", "The multipart body could not be read");
        }
        if (form.Files.GetFile("image") is not { Length: > 0 } file) return Error.Validation("image", "Required");
        if (file.Length > ImagePipeline.MaxBytes) return tooLarge;
        using var ms = new MemoryStream((int)file.Length);
        await file.CopyToAsync(ms, ct);
        return ms.ToArray();
    }
}
