using System.Globalization;
using System.Text.Json;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Api.Features.Wholesale.Invoices.InvoicePdf;

/// <summary>Draws the invoice (letter size, one or more pages) from its stored JSON.</summary>
static class Render
{
    static readonly CultureInfo Us = CultureInfo.InvariantCulture;   // the app runs in globalization-invariant mode

    static string Usd(decimal v) => (v < 0 ? "-$" : "$") + Math.Abs(v).ToString("#,0.00", Us);

    public static byte[] Pdf(JsonElement inv, string seller)
    {
        string S(string n) => inv.TryGetProperty(n, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : "";
        string M(string n) => inv.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.Number ? Usd(v.GetDecimal()) : "$0.00";

        using var doc = new PdfDocument();
        doc.Info.Title = "Invoice " + S("invoice_number");
        var title = new XFont(Fonts.Family, 20, XFontStyleEx.Bold);
        var bold = new XFont(Fonts.Family, 10, XFontStyleEx.Bold);
        var font = new XFont(Fonts.Family, 10, XFontStyleEx.Regular);
        PdfPage page = doc.AddPage(); page.Size = PdfSharp.PageSize.Letter;
        var g = XGraphics.FromPdfPage(page);
        double y = 50, left = 50, right = page.Width.Point - 50;
        void Line(string text, XFont f, double x = 50) { g.DrawString(text, f, XBrushes.Black, x, y); y += f.Size + 5; }
        void Right(string text, XFont f, double x) => g.DrawString(text, f, XBrushes.Black, new XRect(x - 150, y - f.Size, 150, f.Size + 4), XStringFormats.TopRight);

        Line(seller, title);
        Line($"Invoice {S("invoice_number")}", bold);
        Line($"Status: {S("status")}    Issued: {S("issue_date")}    Due: {S("due_date")}", font);
        if (S("payment_terms") is { Length: > 0 } terms) Line("Terms: " + terms, font);
        y += 8;
        Line("Bill to", bold);
        foreach (var part in new[] { S("customer_name"), S("customer_company"), S("customer_address"),
                     string.Join(", ", new[] { S("customer_city"), string.Join(" ", new[] { S("customer_state"), S("customer_zip") }.Where(x => x.Length > 0)) }.Where(x => x.Length > 0)),
                     S("customer_email"), S("customer_phone") }.Where(x => x.Length > 0))
            Line(part, font);
        y += 10;
        void Header()
        {
            g.DrawString("Description", bold, XBrushes.Black, left, y);
            g.DrawString("SKU", bold, XBrushes.Black, left + 260, y);
            Right("Qty", bold, left + 390); Right("Unit", bold, left + 450); Right("Total", bold, right);
            y += 6; g.DrawLine(XPens.Gray, left, y, right, y); y += 14;
        }
        Header();
        if (inv.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
            foreach (var it in items.EnumerateArray())
            {
                if (y > page.Height.Point - 120)
                {
                    g.Dispose(); page = doc.AddPage(); page.Size = PdfSharp.PageSize.Letter; g = XGraphics.FromPdfPage(page); y = 50; Header();
                }
                string I(string n) => it.TryGetProperty(n, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : "";
                decimal D(string n) => it.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : 0;
                var desc = I("description"); if (desc.Length > 48) desc = desc[..47] + "…";
                g.DrawString(desc, font, XBrushes.Black, left, y);
                g.DrawString(I("sku"), font, XBrushes.Black, left + 260, y);
                Right(D("quantity").ToString("0.##", Us), font, left + 390); Right(Usd(D("unit_price")), font, left + 450);
                Right(Usd(D("line_total")), font, right);
                y += 16;
            }
        y += 4; g.DrawLine(XPens.Gray, left, y, right, y); y += 16;
        foreach (var (label, field) in new[] { ("Subtotal", "subtotal"), ("Discount", "discount_amount"), ("Shipping", "shipping_fee"), ($"Tax ({S("tax_rate")}%)", "tax_amount") })
        {
            Right(label, font, right - 110); Right(M(field), font, right); y += 16;
        }
        Right("Total", bold, right - 110); Right(M("total_amount"), bold, right); y += 24;
        if (S("notes") is { Length: > 0 } notes) { Line("Notes", bold); foreach (var l in Wrap(notes, 95)) Line(l, font); }
        g.Dispose();
        using var ms = new MemoryStream();
        doc.Save(ms, false);
        return ms.ToArray();
    }

    static IEnumerable<string> Wrap(string text, int width)
    {
        foreach (var para in text.Split('\n'))
        {
            var line = "";
            foreach (var w in para.Split(' '))
            {
                if (line.Length + w.Length + 1 > width && line.Length > 0) { yield return line; line = ""; }
                line = line.Length == 0 ? w : line + " " + w;
            }
            yield return line;
        }
    }
}
