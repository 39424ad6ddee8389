using System.Text;

namespace Api.Features.Wholesale.Bills.Extraction;

/// <summary>
/// What an uploaded bill is, from its bytes first (magic numbers) and its name or declared type second: <c>pdf</c>, <c>csv</c>,
/// <c>txt</c>, or an image (<c>png</c>, <c>jpeg</c>, <c>gif</c>, <c>webp</c>). Anything else is refused at upload (415).
/// </summary>
static class BillFiles
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const string Accepted = "a PDF, CSV or text file, or an image (PNG, JPEG, GIF, WEBP)";

    public static string? KindOf(ReadOnlySpan<byte> bytes, string? fileName, string? contentType)
    {
        if (bytes.StartsWith("%PDF"u8)) return "pdf";
        if (bytes.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47 })) return "png";
        if (bytes.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return "jpeg";
        if (bytes.StartsWith("GIF8"u8)) return "gif";
        if (bytes.Length > 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return "webp";
        if (bytes.Length == 0 || bytes.Contains((byte)0) || !IsUtf8(bytes)) return null;
        var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        var type = (contentType ?? "").ToLowerInvariant();
        return ext is ".csv" || type.Contains("csv") ? "csv" : "txt";
    }

    public static bool IsImage(string kind) => kind is "png" or "jpeg" or "gif" or "webp";
    public static string MediaType(string kind) => kind switch
    {
        "pdf" => "application/pdf", "csv" => "text/csv", "txt" => "text/plain", _ => "image/" + kind,
    };

    static bool IsUtf8(ReadOnlySpan<byte> bytes)
    {
        try { _ = new UTF8Encoding(false, true).GetString(bytes); return true; }
        catch (DecoderFallbackException) { return false; }
    }
}
