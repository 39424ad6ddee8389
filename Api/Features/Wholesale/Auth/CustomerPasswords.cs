using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.Wholesale.Auth;

/// <summary>
/// Sets a customer's password (change, email reset, phone reset) and ends the account's other sign-ins and pending
/// recovery tokens in the same statement. Returns whether the account exists, and its email for the notice.
/// </summary>
static class CustomerPasswords
{
    static readonly string SetSql = Sql.Load(typeof(CustomerPasswords), "SetPassword.sql");

    public sealed record Changed(string? Email);

    /// <param name="keepSessionId">The session that made the change (change-password keeps it).</param>
    /// <param name="verifiesEmail">An emailed reset link proves the address, so it also verifies it.</param>
    public static async Task<Changed?> SetAsync(AppDb db, long customerId, string passwordHash, long? keepSessionId, bool verifiesEmail, CancellationToken ct)
    {
        var rows = await db.QueryToListAsync<Changed>(SetSql, new { Id = customerId, Hash = passwordHash, KeepSessionId = keepSessionId, VerifiesEmail = verifiesEmail }, ct);
        return rows is [var r] ? r : null;
    }
}
