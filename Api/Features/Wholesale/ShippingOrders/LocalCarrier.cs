using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Api.Features.Wholesale.ShippingOrders;

/// <summary>
/// The local carrier used when <c>Wholesale:EasyPost:ApiKey</c> is not set (documented in docs/wholesale.md): a fixed
/// weight × zone rate table for a few carrier services, tracking numbers starting <c>LC</c>, and sample label PDFs marked
/// "SAMPLE - NOT VALID FOR SHIPPING". Nothing leaves the machine.
/// </summary>
static class LocalCarrier
{
    /// <summary>Carrier, service, base price, price per billable pound, heaviest parcel (lb).</summary>
    public static readonly (string Carrier, string Service, decimal Base, decimal PerLb, decimal MaxLb)[] Services =
    [
        ("UPS", "Ground", 9.00m, 0.95m, 150m),
        ("UPS", "2ndDayAir", 18.00m, 2.10m, 150m),
        ("UPS", "NextDayAir", 32.00m, 3.40m, 150m),
        ("USPS", "GroundAdvantage", 6.50m, 0.80m, 70m),
        ("USPS", "Priority", 9.00m, 1.20m, 70m),
        ("FedEx", "FEDEX_GROUND", 9.25m, 0.97m, 150m),
    ];

    /// <summary>Zone 2 to 8 from the distance between the two ZIP codes' first three digits.</summary>
    public static int Zone(string? fromZip, string? toZip)
    {
        static int? Prefix(string? zip) => zip is { Length: >= 3 } && int.TryParse(zip.AsSpan(0, 3), out var p) ? p : null;
        if (Prefix(fromZip) is not { } a || Prefix(toZip) is not { } b) return 8;
        var d = Math.Abs(a - b);
        return d switch { < 10 => 2, < 100 => 3, < 200 => 4, < 300 => 5, < 500 => 6, < 700 => 7, _ => 8 };
    }

    /// <summary>Billable pounds: the larger of the actual weight (ounces / 16) and the dimensional weight (L×W×H / 139), rounded up, at least 1.</summary>
    public static decimal BillableLb(decimal weightOz, decimal? l, decimal? w, decimal? h)
    {
        var actual = weightOz / 16m;
        var dim = l is > 0 && w is > 0 && h is > 0 ? l.Value * w.Value * h.Value / 139m : 0m;
        return Math.Max(1m, Math.Ceiling(Math.Max(actual, dim)));
    }

    /// <summary>The rate of one parcel: base + per-lb × billable lb × (1 + 0.12 × (zone − 2)), to the cent; null when too heavy for the service.</summary>
    public static decimal? Rate((string Carrier, string Service, decimal Base, decimal PerLb, decimal MaxLb) s, int zone, decimal billableLb) =>
        billableLb > s.MaxLb ? null : Math.Round(s.Base + s.PerLb * billableLb * (1m + 0.12m * (zone - 2)), 2, MidpointRounding.AwayFromZero);

    public static string TrackingNumber() => "LC" + string.Concat(Enumerable.Range(0, 18).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));

    /// <summary>A one-page 4×6 in PDF (Helvetica, no embedded fonts) carrying the addresses and tracking number, stamped as a sample.</summary>
    public static byte[] SamplePdf(string carrier, string service, string tracking, string orderNumber, string[] from, string[] to, int parcel, int parcels)
    {
        var lines = new List<(int Size, int X, int Y, string Text)>
        {
            (14, 18, 400, "SAMPLE - NOT VALID FOR SHIPPING"),
            (9, 18, 384, "Local carrier label (no EasyPost key configured)"),
            (9, 18, 360, "FROM:"),
        };
        var y = 348;
        foreach (var l in from) { lines.Add((9, 18, y, l)); y -= 11; }
        y -= 10;
        lines.Add((12, 18, y, "SHIP TO:")); y -= 15;
        foreach (var l in to) { lines.Add((12, 18, y, l)); y -= 14; }
        y -= 12;
        lines.Add((11, 18, y, $"{carrier} {service}  parcel {parcel} of {parcels}")); y -= 16;
        lines.Add((13, 18, y, "TRACKING: " + tracking)); y -= 16;
        lines.Add((9, 18, y, "Order " + orderNumber));
        lines.Add((14, 18, 24, "SAMPLE - NOT VALID FOR SHIPPING"));
        var content = new StringBuilder();
        foreach (var (size, x, ly, text) in lines)
            content.Append(CultureInfo.InvariantCulture, $"BT /F1 {size} Tf {x} {ly} Td ({Escape(text)}) Tj ET\n");
        content.Append("0.5 w 10 10 268 412 re S\n");
        var stream = Encoding.ASCII.GetBytes(content.ToString());
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 288 432] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            $"<< /Length {stream.Length} >>\nstream\n{Encoding.ASCII.GetString(stream)}endstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{o:0000000000} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    static string Escape(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            if (c is '(' or ')' or '\\') sb.Append('\\').Append(c);
            else if (c is >= ' ' and <= '~') sb.Append(c);
            else sb.Append('?');
        }
        return sb.ToString();
    }
}
