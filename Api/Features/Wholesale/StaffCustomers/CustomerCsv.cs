using System.Text.RegularExpressions;

namespace Api.Features.Wholesale.StaffCustomers;

/// <summary>The customer CSV of the document: 17 columns, shared by the template, the export and the import.</summary>
static partial class CustomerCsv
{
    public static readonly string[] Columns =
    [
        "first_name", "last_name", "company_name", "email", "phone", "orders", "total_spent", "joined",
        "shipping_street", "shipping_city", "shipping_state", "shipping_zip",
        "billing_street", "billing_city", "billing_state", "billing_zip", "same_as_shipping",
    ];

    /// <summary>The export escapes formula-looking cells with a leading apostrophe (CsvHelper's injection guard); the import removes it.</summary>
    public static string Unescape(string? value)
    {
        var v = (value ?? "").Trim();
        return v.Length > 1 && v[0] == '\'' && v[1] is '=' or '+' or '-' or '@' ? v[1..] : v;
    }

    /// <summary>Addresses are stored as one line "street, city, ST zip"; the CSV has them in parts.</summary>
    public static string? Compose(string street, string city, string state, string zip)
    {
        var tail = string.Join(' ', new[] { state, zip }.Where(s => s.Length > 0));
        var parts = new[] { street, city, tail }.Where(s => s.Length > 0).ToArray();
        return parts.Length == 0 ? null : string.Join(", ", parts);
    }

    public static (string Street, string City, string State, string Zip) Split(string? address)
    {
        if (string.IsNullOrWhiteSpace(address)) return ("", "", "", "");
        var m = AddressPattern().Match(address.Trim());
        return m.Success ? (m.Groups[1].Value.Trim(), m.Groups[2].Value.Trim(), m.Groups[3].Value, m.Groups[4].Value) : (address.Trim(), "", "", "");
    }

    [GeneratedRegex(@"^(.+),\s*([^,]+),\s*([A-Za-z]{2})\s+(\d{5}(?:-\d{4})?)$")]
    private static partial Regex AddressPattern();
}
