using ErrorOr;
using SkiaSharp;

namespace Api.Features.Wholesale.StaffProducts;

/// <summary>A stored image: re-encoded bytes, their type and size.</summary>
sealed record StaffPreparedImage(byte[] Content, string ContentType, int Width, int Height);

/// <summary>
/// Product images through SkiaSharp (a copy of the core catalog's pipeline, so the staff area stands on its own). An upload is decoded (JPEG, PNG, WebP, GIF's first frame, BMP), turned upright by its
/// EXIF orientation, scaled down to fit <see cref="MaxSide"/> pixels and re-encoded (JPEG, or PNG when it has transparency),
/// so no metadata (EXIF, GPS, ICC comments) survives and what we store is an image we made. Thumbnails are JPEG within
/// <see cref="ThumbSide"/> pixels on a white background.
/// </summary>
static class StaffImagePipeline
{
    public const long MaxBytes = 5L * 1024 * 1024;
    public const int MaxSide = 2000;
    public const int ThumbSide = 300;
    /// <summary>Refuse to decode more pixels than this (a small file can claim a huge canvas).</summary>
    public const long MaxSourcePixels = 40_000_000;

    /// <summary>The bytes of a <c>data:image/...;base64,</c> URL, or null when it is not one.</summary>
    public static byte[]? DecodeDataUrl(string url)
    {
        if (!url.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase)) return null;
        var comma = url.IndexOf(',');
        if (comma < 0 || !url.AsSpan(0, comma).EndsWith(";base64", StringComparison.OrdinalIgnoreCase)) return null;
        try { return Convert.FromBase64String(url[(comma + 1)..]); }
        catch (FormatException) { return null; }
    }

    /// <summary>A stored image as the document's base64 data URL.</summary>
    public static string DataUrl(string contentType, byte[] content) => $"data:{contentType};base64,{Convert.ToBase64String(content)}";

    public static ErrorOr<StaffPreparedImage> Prepare(byte[] bytes)
    {
        if (bytes.Length == 0) return Error.Validation("image", "The image file is empty.");
        if (bytes.Length > MaxBytes) return Error.Custom(413, "PAYLOAD_TOO_LARGE", "The image is larger than 5 MB.");
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null) return Error.Custom(415, "UNSUPPORTED_MEDIA_TYPE", "The file is not a JPEG, PNG, WebP, GIF or BMP image.");
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp
            or SKEncodedImageFormat.Gif or SKEncodedImageFormat.Bmp))
            return Error.Custom(415, "UNSUPPORTED_MEDIA_TYPE", "The file is not a JPEG, PNG, WebP, GIF or BMP image.");
        var info = codec.Info;
        if (info.Width < 1 || info.Height < 1 || (long)info.Width * info.Height > MaxSourcePixels)
            return Error.Validation("image", "The image's dimensions are out of range (at most 40 megapixels).");
        using var source = Decode(codec);
        if (source is null) return Error.Validation("image", "The image could not be decoded.");
        var alpha = info.AlphaType != SKAlphaType.Opaque && HasTransparency(source);
        using var upright = Render(source, codec.EncodedOrigin, MaxSide, alpha);
        using var image = SKImage.FromBitmap(upright);
        using var encoded = alpha ? image.Encode(SKEncodedImageFormat.Png, 100) : image.Encode(SKEncodedImageFormat.Jpeg, 85);
        if (encoded is null) return Error.Validation("image", "The image could not be re-encoded.");
        return new StaffPreparedImage(encoded.ToArray(), alpha ? "image/png" : "image/jpeg", upright.Width, upright.Height);
    }

    /// <summary>A JPEG thumbnail of a stored image, or null when the stored bytes do not decode.</summary>
    public static byte[]? Thumbnail(byte[] stored)
    {
        using var data = SKData.CreateCopy(stored);
        using var codec = SKCodec.Create(data);
        if (codec is null || (long)codec.Info.Width * codec.Info.Height > MaxSourcePixels) return null;
        using var source = Decode(codec);
        if (source is null) return null;
        using var thumb = Render(source, codec.EncodedOrigin, ThumbSide, keepAlpha: false);
        using var image = SKImage.FromBitmap(thumb);
        using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, 80);
        return encoded?.ToArray();
    }

    static SKBitmap? Decode(SKCodec codec)
    {
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888,
            codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is SKCodecResult.Success or SKCodecResult.IncompleteInput) return bitmap;
        bitmap.Dispose();
        return null;
    }

    static bool HasTransparency(SKBitmap bitmap)
    {
        var span = bitmap.GetPixelSpan();   // RGBA8888: every fourth byte is alpha
        for (var i = 3; i < span.Length; i += 4) if (span[i] != 255) return true;
        return false;
    }

    /// <summary>Draws the source upright (EXIF orientation applied) and scaled to fit <paramref name="maxSide"/>.</summary>
    static SKBitmap Render(SKBitmap source, SKEncodedOrigin origin, int maxSide, bool keepAlpha)
    {
        var (w, h) = (source.Width, source.Height);
        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (ow, oh) = swaps ? (h, w) : (w, h);
        var scale = Math.Min(1f, (float)maxSide / Math.Max(ow, oh));
        var (tw, th) = (Math.Max(1, (int)Math.Round(ow * scale)), Math.Max(1, (int)Math.Round(oh * scale)));
        var target = new SKBitmap(new SKImageInfo(tw, th, SKColorType.Rgba8888, keepAlpha ? SKAlphaType.Premul : SKAlphaType.Opaque));
        using var canvas = new SKCanvas(target);
        canvas.Clear(keepAlpha ? SKColors.Transparent : SKColors.White);
        canvas.Scale((float)tw / ow, (float)th / oh);
        canvas.Concat(Orientation(origin, w, h));
        using var image = SKImage.FromBitmap(source);
        using var paint = new SKPaint();
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
        canvas.Flush();
        return target;
    }

    // x' = ScaleX*x + SkewX*y + TransX; y' = SkewY*x + ScaleY*y + TransY (EXIF orientations 1-8)
    static SKMatrix Orientation(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
