using Api.Infrastructure.Database;
using Api.Infrastructure.Security;
using FluentValidation;
using LinqToDB.Data;

namespace Api.Features.Wholesale.SalesCustomers;

/// <summary>
/// A customer's ACH details on file (<c>wholesale.customer_ach</c>): the account number is stored only encrypted with
/// <see cref="SecretBox"/> (bound to the customer id) plus its last four, which is all any answer shows. Routing numbers pass
/// the ABA checksum. Each save stamps <c>ach_authorized_at</c> and the staff user who saved it. Also used by sales place-order.
/// </summary>
static class AchOnFile
{
    static readonly string SaveSql = Sql.Load<AchView>("SaveAch.sql");
    static readonly string ReadSql = Sql.Load<AchView>("ReadAch.sql");
    public static readonly string[] AccountTypes = ["checking", "savings"];

    /// <summary>ABA routing number checksum: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10).</summary>
    public static bool ValidRouting(string? s)
    {
        if (s is null || s.Length != 9 || !s.All(char.IsAsciiDigit)) return false;
        var d = s.Select(c => c - '0').ToArray();
        return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5] + d[8]) % 10 == 0;
    }

    public static string Digits(string? s) => new((s ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    public static void Rules<T>(AbstractValidator<T> v, Func<T, string?> routing, Func<T, string?> account, Func<T, string?> type,
        Func<T, string?> bank, Func<T, string?> name)
    {
        v.RuleFor(x => routing(x)).Must(r => ValidRouting(Digits(r))).WithMessage("routing_number must be a valid 9-digit ABA routing number")
            .OverridePropertyName("routing_number");
        v.RuleFor(x => account(x)).Must(a => Digits(a) is { Length: >= 4 and <= 17 } d && d.All(char.IsAsciiDigit))
            .WithMessage("account_number must be 4 to 17 digits").OverridePropertyName("account_number");
        v.RuleFor(x => type(x)).Must(t => t is null || AccountTypes.Contains(t.Trim().ToLowerInvariant()))
            .WithMessage("account_type must be checking or savings").OverridePropertyName("account_type");
        v.RuleFor(x => bank(x)).MaximumLength(200).OverridePropertyName("bank_name");
        v.RuleFor(x => name(x)).MaximumLength(200).OverridePropertyName("account_name");
    }

    public static async Task<AchView> SaveAsync(DataConnection db, SecretBox box, long customerId, long? staffId, string? bank,
        string? name, string routing, string account, string? type, CancellationToken ct)
    {
        var number = Digits(account);
        var rows = await db.QueryToListAsync<AchView>(SaveSql, new
        {
            CustomerId = customerId, Bank = Clean(bank), Name = Clean(name), Routing = Digits(routing),
            Enc = box.Encrypt(number, Aad(customerId)), Last4 = number[^4..],
            Type = type?.Trim().ToLowerInvariant() ?? "checking", StaffId = staffId,
        }, ct);
        return rows.Single();
    }

    public static async Task<AchView?> ReadAsync(DataConnection db, long customerId, CancellationToken ct) =>
        (await db.QueryToListAsync<AchView>(ReadSql, new { CustomerId = customerId }, ct)).FirstOrDefault();

    static string Aad(long customerId) => $"wholesale.customer_ach:{customerId}";
    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The ACH fields any answer may show (masked account number).</summary>
sealed class AchView
{
    public long CustomerId { get; init; }
    public bool HasAch { get; init; }
    public string? AchBankName { get; init; }
    public string? AchAccountName { get; init; }
    public string? AchRoutingNumber { get; init; }
    public string? AchAccountNumberMasked { get; init; }
    public string? AchAccountType { get; init; }
    public DateTimeOffset? AchAuthorizedAt { get; init; }
    public long? AchAuthorizedBy { get; init; }
}
