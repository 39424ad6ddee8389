using ErrorOr;
using Microsoft.AspNetCore.Http.Features;

namespace Api.Features.Wholesale.StaffProducts;

/// <summary>
/// Reads the multipart field <c>image</c> in the slice (not FastEndpoints' binder) so an oversized, truncated or malformed
/// body is a 4xx in the envelope: over 5 MB 413, no file 400 (a non-image is 415 from the pipeline).
/// </summary>
static class StaffImageUpload
{
    public const long BodyLimit = StaffImagePipeline.MaxBytes + 256 * 1024;   // the file plus the form's boundaries and headers

    public static async Task<ErrorOr<byte[]>> ReadAsync(HttpContext ctx, CancellationToken ct)
    {
        var tooLarge = Error.Custom(413, "PAYLOAD_TOO_LARGE", "The image is larger than 5 MB.");
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } max) max.MaxRequestBodySize = BodyLimit;
        if (ctx.Request.ContentLength > BodyLimit) return tooLarge;
        if (!ctx.Request.HasFormContentType) return Error.Validation("image", "Send the image as multipart/form-data in the field 'image'");
        IFormCollection form;
        try
        {
            form = await ctx.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = BodyLimit, ValueCountLimit = 16, ValueLengthLimit = 16 * 1024 }, ct);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)) { return tooLarge; }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge) { return tooLarge; }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return Error.Validation("image", "The multipart body could not be read");
        }
        if (form.Files.GetFile("image") is not { Length: > 0 } file) return Error.Validation("image", "Required");
        if (file.Length > StaffImagePipeline.MaxBytes) return tooLarge;
        using var ms = new MemoryStream((int)file.Length);
        await file.CopyToAsync(ms, ct);
        return ms.ToArray();
    }
}
