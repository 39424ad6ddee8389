using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.Wholesale.SalesCustomers;

/// <summary>A customer's profile with order stats and their 50 most recent orders (the reads of profile and by-phone).</summary>
sealed class ProfileView
{
    static readonly string ProfileSql = Sql.Load<ProfileView>("Profile.sql");
    static readonly string OrdersSql = Sql.Load<ProfileView>("ProfileOrders.sql");

    public long Id { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? FullName { get; init; }
    public string? CompanyName { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Phone2 { get; init; }
    public string? ShippingAddress { get; init; }
    public string? BillingAddress { get; init; }
    public string? PreferredLanguage { get; init; }
    public string PaymentTerms { get; init; } = "";
    public string Kind { get; init; } = "";
    public long? SalesRepId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public long OrderCount { get; init; }
    public decimal TotalSpent { get; init; }
    public List<ProfileOrder> Orders { get; set; } = [];

    public static async Task<ProfileView?> LoadAsync(DataConnection db, long? customerId, string? phone, CancellationToken ct)
    {
        var rows = await db.QueryToListAsync<ProfileView>(ProfileSql, new { CustomerId = customerId, Phone = phone }, ct);
        if (rows.FirstOrDefault() is not { } p) return null;
        p.Orders = await OrdersAsync(db, p.Id, null, ct);
        return p;
    }

    /// <summary>Recent orders of a customer, or (customer null) guest orders delivered to a phone.</summary>
    public static Task<List<ProfileOrder>> OrdersAsync(DataConnection db, long? customerId, string? phone, CancellationToken ct) =>
        db.QueryToListAsync<ProfileOrder>(OrdersSql, new { CustomerId = customerId, Phone = phone }, ct);
}

sealed class ProfileOrder
{
    public long Id { get; init; }
    public string OrderNumber { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public decimal TotalAmount { get; init; }
    public string Status { get; init; } = "";
    public string PaymentStatus { get; init; } = "";
    public string PaymentMethod { get; init; } = "";
    public long ItemCount { get; init; }
    public string? ItemsPreview { get; init; }
    public string? DeliveryName { get; init; }
    public string? DeliveryEmail { get; init; }
}
