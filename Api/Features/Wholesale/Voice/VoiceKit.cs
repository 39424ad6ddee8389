using System.Text.Json;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;

namespace Api.Features.Wholesale.Voice;

/// <summary>
/// Shared by the voice slices: the phone rules (<c>phone</c> and <c>phone_number</c> are one field: either is enough, both must
/// agree in E.164) and answers built by PostgreSQL as JSON (the slices' SQL returns the documented snake_case shape).
/// </summary>
static class VoiceKit
{
    /// <summary>The caller's customer row: live, not merged, an account before a guest/caller row of the same number.</summary>
    public const string CustomerByPhone = """
        select c.* from wholesale.customers c
         where c.phone = @Phone and c.deleted_at is null and c.merged_into is null
         order by (c.kind = 'account') desc, c.id
         limit 1
        """;

    public static Error Invalid(string field, string message) =>
        Error.Validation("VALIDATION_ERROR", message, new Dictionary<string, object> { ["field"] = field });

    /// <summary>E.164 of whichever of the two fields is given; 400 when neither (and required), one is not a phone, or they disagree.</summary>
    public static ErrorOr<string?> Phone(string? phone, string? phoneNumber, bool required = true, string field = "phone_number")
    {
        string? a = null, b = null;
        if (!string.IsNullOrWhiteSpace(phone) && (a = Phones.ToE164(phone)) is null) return Invalid("phone", "not a valid phone number");
        if (!string.IsNullOrWhiteSpace(phoneNumber) && (b = Phones.ToE164(phoneNumber)) is null) return Invalid("phone_number", "not a valid phone number");
        if (a is not null && b is not null && a != b) return Invalid(field, "phone and phone_number name different numbers");
        var e164 = a ?? b;
        if (e164 is null && required) return Invalid(field, "phone_number (or phone) is required");
        return e164;
    }

    /// <summary>Runs SQL whose single row, single column is a JSON document; null when no row.</summary>
    public static async Task<JsonElement?> JsonAsync(AppDb db, string sql, object param, CancellationToken ct)
    {
        var rows = await db.QueryToListAsync<string>(sql, param, ct);
        if (rows is not [var text] || text is null) return null;
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    public static JsonElement ToJson(object value) => JsonSerializer.SerializeToElement(value, SnakeJson);

    public static readonly JsonSerializerOptions SnakeJson = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
