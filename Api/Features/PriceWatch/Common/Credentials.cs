using System.Text.RegularExpressions;
using Api.Infrastructure.Security;

namespace Api.Features.PriceWatch.Common;

/// <summary>How PriceWatch binds stored Shopify credentials to their tenant (SecretBox associated data) and normalises shop URLs.</summary>
static partial class Credentials
{
    public static string Ad(Guid tenant, string field) => $"pricewatch:tenant:{tenant}:{field}";
    public static string Encrypt(SecretBox box, Guid tenant, string field, string value) => box.Encrypt(value, Ad(tenant, field));
    public static string Decrypt(SecretBox box, Guid tenant, string field, string stored) => box.Decrypt(stored, Ad(tenant, field));

    /// <summary>"https://MyBrand.myshopify.com/" → "mybrand.myshopify.com"; null when it is not a host name.</summary>
    public static string? NormalizeShop(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        var s = url.Trim().ToLowerInvariant();
        if (s.Contains("://", StringComparison.Ordinal)) s = s[(s.IndexOf("://", StringComparison.Ordinal) + 3)..];
        s = s.TrimEnd('/');
        return Host().IsMatch(s) ? s : null;
    }

    /// <summary>What GET may show of the shop URL: its first 12 characters.</summary>
    public static string Preview(string shop) => shop.Length <= 12 ? shop : shop[..12] + "...";

    [GeneratedRegex(@"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d{1,5})?$")] private static partial Regex Host();
}
