using PdfSharp.Fonts;

namespace Api.Features.Wholesale.Invoices.InvoicePdf;

/// <summary>
/// PDFsharp (Core build) needs the font files: a regular and a bold TrueType face found in <c>Wholesale:Invoices:FontDirectory</c>
/// when set, else in the usual system places (DejaVu Sans or Liberation Sans on Linux, Arial on Windows). Registered once per
/// process; none found: the PDF answers 503 naming the setting.
/// </summary>
sealed class Fonts : IFontResolver
{
    public const string Family = "InvoiceSans";
    static readonly Lock Gate = new();
    static Fonts? _installed;
    readonly byte[] _regular, _bold;

    Fonts(byte[] regular, byte[] bold) { _regular = regular; _bold = bold; }

    static readonly (string Regular, string Bold)[] Candidates =
    [
        ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"), ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"), ("arial.ttf", "arialbd.ttf"),
    ];

    static readonly string[] SystemDirs =
    [
        "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF", "/usr/share/fonts/truetype/liberation",
        "/usr/share/fonts/liberation", "/usr/local/share/fonts", @"C:\Windows\Fonts",
    ];

    /// <summary>True when fonts are available (installing the resolver on first success).</summary>
    public static bool Ensure(IConfiguration config)
    {
        lock (Gate)
        {
            if (_installed is not null) return true;
            var dirs = config["Wholesale:Invoices:FontDirectory"] is { Length: > 0 } d ? [d] : SystemDirs;
            foreach (var dir in dirs)
                foreach (var (r, b) in Candidates)
                {
                    var rp = Path.Combine(dir, r); var bp = Path.Combine(dir, b);
                    if (!File.Exists(rp)) continue;
                    var fonts = new Fonts(File.ReadAllBytes(rp), File.Exists(bp) ? File.ReadAllBytes(bp) : File.ReadAllBytes(rp));
                    if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = fonts;
                    _installed = fonts;
                    return true;
                }
            return false;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? "invoice-bold" : "invoice-regular");

    public byte[]? GetFont(string faceName) => faceName == "invoice-bold" ? _bold : _regular;
}
