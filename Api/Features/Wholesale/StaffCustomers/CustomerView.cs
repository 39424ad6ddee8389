using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.Wholesale.StaffCustomers;

/// <summary>The document's customer object as staff see it (GET one, the list, PUT, merge's kept_customer).</summary>
sealed record CustomerView
{
    public long Id { get; init; }
    public string? Username { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public string? CompanyName { get; init; }
    public string? Phone { get; init; }
    public string? Phone2 { get; init; }
    public string? ShippingAddress { get; init; }
    public string? BillingAddress { get; init; }
    public string PreferredLanguage { get; init; } = "en";
    public bool DoNotCall { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public bool IsActive { get; init; }
    public string Kind { get; init; } = "";
    public decimal StoreCredit { get; init; }
    public long OrderCount { get; init; }
    public decimal TotalSpent { get; init; }

    static readonly string SelectSql = Sql.Load<CustomerView>("CustomerView.sql");

    /// <summary>A live (not deleted, not merged) customer, or null.</summary>
    public static async Task<CustomerView?> LoadAsync(AppDb db, long id, CancellationToken ct) =>
        (await db.QueryToListAsync<CustomerView>(SelectSql, new { Id = id }, ct)).FirstOrDefault();
}
