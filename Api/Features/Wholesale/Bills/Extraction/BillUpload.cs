using ErrorOr;

namespace Api.Features.Wholesale.Bills.Extraction;

/// <summary>An uploaded bill file read into memory and typed (upload and save-me-money): 413 over 10 MB, 415 when not a bill format.</summary>
static class BillUpload
{
    public sealed record File(string Name, string Kind, byte[] Bytes);

    public static async Task<ErrorOr<File>> ReadAsync(IFormFile form, CancellationToken ct)
    {
        if (form.Length > BillFiles.MaxBytes)
            return Error.Custom(413, "Bill.TooLarge", $"The file is larger than {BillFiles.MaxBytes / (1024 * 1024)} MB");
        using var ms = new MemoryStream((int)form.Length);
        await form.CopyToAsync(ms, ct);
        var bytes = ms.ToArray();
        if (bytes.Length == 0) return Error.Validation("file", "The file is empty");
        var name = Path.GetFileName(form.FileName ?? "");
        if (name.Length > 255) name = name[^255..];
        return BillFiles.KindOf(bytes, name, form.ContentType) is { } kind
            ? new File(name.Length == 0 ? "bill" : name, kind, bytes)
            : Error.Custom(415, "Bill.UnsupportedType", $"Unsupported file type; upload {BillFiles.Accepted}");
    }
}
