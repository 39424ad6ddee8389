namespace Api.Features.Wholesale.Common;

/// <summary>Phone numbers in E.164. Ten digits (or 1 + ten) are North American (+1); a leading + keeps its country code.</summary>
static class Phones
{
    /// <summary>The E.164 form, or null when the text is not a plausible phone number.</summary>
    public static string? ToE164(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        if (trimmed.Length > 32) return null;
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (trimmed.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')' or '.' or '+'))) return null;
        if (trimmed.StartsWith('+')) return digits.Length is >= 8 and <= 15 && digits[0] != '0' ? "+" + digits : null;
        if (digits.Length == 10 && digits[0] is >= '2' and <= '9') return "+1" + digits;
        if (digits.Length == 11 && digits[0] == '1' && digits[1] is >= '2' and <= '9') return "+" + digits;
        return null;
    }

    /// <summary>Shows the last four digits only (logs, masked answers).</summary>
    public static string Mask(string e164) => e164.Length <= 4 ? "****" : new string('*', e164.Length - 4) + e164[^4..];
}
