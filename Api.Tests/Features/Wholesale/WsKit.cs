using System.Net.Http.Headers;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Security;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Api.Tests.Features.Wholesale;

/// <summary>
/// Wholesale test helpers: people, keys and catalog rows written straight to the class's database (as the owner), and
/// clients signed in the way the real schemes check (a session row for customers, a stored jti for staff). Wholesale is
/// one business, so tests isolate themselves with unique names (<see cref="Unique"/>), never by wiping tables.
/// </summary>
public static class WsKit
{
    public const string Base = "/wholesale";
    static int _seq;

    public static string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref _seq)}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 14, 40)];

    public static async Task<T> Scalar<T>(this ApiFactory api, string sql, params object?[] args)
    {
        await using var conn = api.OwnerConnection();
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a ?? DBNull.Value });
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    public static async Task Exec(this ApiFactory api, string sql, params object?[] args)
    {
        await using var conn = api.OwnerConnection();
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a ?? DBNull.Value });
        await cmd.ExecuteNonQueryAsync();
    }

    public sealed record Staff(long Id, string Username, string Password, string Role);
    public sealed record Customer(long Id, string Username, string Email, string Password);

    public static async Task<Staff> CreateStaffAsync(this ApiFactory api, string role = "staff", string password = "Staff-pass-123", bool active = true)
    {
        var username = Unique(role + "_");
        var id = await api.Scalar<long>("""
            insert into wholesale.staff_users (username, email, password_hash, first_name, last_name, role, is_active)
            values ($1, $1 || '@staff.test', $2, 'Test', $3, $3, $4) returning id
            """, username, Hashing.HashPassword(password), role, active);
        return new Staff(id, username, password, role);
    }

    public static async Task<Customer> CreateCustomerAsync(this ApiFactory api, string password = "Cust-pass-123", bool verified = true,
        string? phone = null, string terms = "prepaid", bool approved = false, decimal creditLimit = 0)
    {
        var username = Unique("cust_");
        var email = username + "@customer.test";
        var id = await api.Scalar<long>("""
            insert into wholesale.customers (kind, username, email, password_hash, email_verified, first_name, last_name, company_name, phone,
                                             payment_terms, account_approved, credit_limit)
            values ('account', $1, $2, $3, $4, 'Pat', 'Buyer', 'Test Bistro', $5, $6, $7, $8) returning id
            """, username, email, Hashing.HashPassword(password), verified, phone, terms, approved, creditLimit);
        return new Customer(id, username, email, password);
    }

    /// <summary>A client carrying a staff bearer token the staff scheme accepts (stored jti, 12 h).</summary>
    public static async Task<HttpClient> StaffClientAsync(this ApiFactory api, Staff staff)
    {
        var jti = Guid.NewGuid();
        var expires = DateTime.UtcNow.AddHours(12);
        await api.Exec("insert into wholesale.staff_tokens (jti, staff_id, expires_at) values ($1, $2, $3)", jti, staff.Id, expires);
        var key = api.Services.GetRequiredService<Secrets>().Get(WholesaleAuth.SigningKeySetting);
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", WholesaleAuth.MintStaffToken(key, staff.Id, jti, expires));
        return client;
    }

    public static async Task<HttpClient> StaffClientAsync(this ApiFactory api, string role = "staff") =>
        await api.StaffClientAsync(await api.CreateStaffAsync(role));

    /// <summary>A client carrying a customer <c>session</c> cookie backed by a stored session row.</summary>
    public static async Task<HttpClient> CustomerClientAsync(this ApiFactory api, Customer customer)
    {
        var token = WholesaleAuth.NewToken();
        await api.Exec("insert into wholesale.customer_sessions (customer_id, token_hash, expires_at) values ($1, $2, now() + interval '30 days')",
            customer.Id, WholesaleAuth.HashToken(token));
        var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", $"{WholesaleAuth.CookieName}={token}");
        return client;
    }

    /// <summary>Creates an API key with the given scopes and returns its raw value.</summary>
    public static async Task<string> CreateApiKeyAsync(this ApiFactory api, string[]? scopes = null, DateTimeOffset? expires = null, bool revoked = false)
    {
        var raw = Hashing.NewApiKey("lld_");
        await api.Exec("""
            insert into wholesale.api_keys (name, prefix, key_hash, key_preview, scopes, expires_at, revoked_at, is_active)
            values ($1, 'lld_', $2, $3, $4, $5, case when $6 then now() end, not $6)
            """, Unique("key_"), Hashing.HashApiKey(raw), SecretBox.Preview(raw), scopes ?? WholesaleAuth.DefaultScopes, expires, revoked);
        return raw;
    }

    public static HttpClient KeyClient(this ApiFactory api, string rawKey)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", rawKey);
        return client;
    }

    public static async Task<long> CreateCategoryAsync(this ApiFactory api, string? name = null) =>
        await api.Scalar<long>("insert into wholesale.categories (name) values ($1) returning id", name ?? Unique("Cat "));

    public static async Task<long> CreateProductAsync(this ApiFactory api, decimal unitPrice = 10m, int? stock = null, string? sku = null,
        string? name = null, long? categoryId = null, decimal? bulkPrice = null, int? bulkQuantity = null, decimal? cost = null)
    {
        return await api.Scalar<long>("""
            insert into wholesale.products (sku, name, category_id, unit_price, bulk_price, bulk_quantity, stock_quantity, in_stock, cost, brand, unit_size)
            values ($1, $2, $3, $4, $5, $6, $7, coalesce($7 > 0, true), $8, 'TestBrand', '1 case') returning id
            """, sku ?? Unique("SKU-"), name ?? Unique("Product "), categoryId, unitPrice, bulkPrice, bulkQuantity, stock, cost);
    }
}
