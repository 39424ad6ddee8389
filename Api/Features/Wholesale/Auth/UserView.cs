using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.Wholesale.Auth;

/// <summary>The document's <c>user (username, email, company_name, phone, etc.)</c>: a customer's own profile.</summary>
sealed record UserView
{
    public long Id { get; init; }
    public string? Username { get; init; }
    public string? Email { get; init; }
    public bool EmailVerified { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? CompanyName { get; init; }
    public string? Phone { get; init; }
    public string? BusinessType { get; init; }
    public string? StateOfOperation { get; init; }
    public string? ShippingAddress { get; init; }
    public string? BillingAddress { get; init; }
    public string PaymentTerms { get; init; } = "prepaid";
    public bool AccountApproved { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    static readonly string SelectSql = Sql.Load<UserView>("SelectUser.sql");

    /// <summary>The live customer's profile, or null.</summary>
    public static async Task<UserView?> LoadAsync(AppDb db, long id, CancellationToken ct) =>
        (await db.QueryToListAsync<UserView>(SelectSql, new { Id = id }, ct)) is [var u] ? u : null;
}

/// <summary><c>{"user": {...}}</c>.</summary>
sealed record UserResponse(UserView User);
