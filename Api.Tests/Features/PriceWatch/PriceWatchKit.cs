using System.Net.Http.Headers;
using Api.Infrastructure.Auth;
using Api.Tests.Infrastructure;
using Npgsql;

namespace Api.Tests.Features.PriceWatch;

/// <summary>The API with a known Supabase JWT secret.</summary>
public class PriceWatchFactory : ApiFactory
{
    public const string JwtSecret = "test-pricewatch-supabase-jwt-secret-0123456789abcdef";
    public const string JwtSecretKey = PriceWatchAuth.SecretSetting;
    public const string PlatformScopeSecret = "test-pricewatch-platform-scope-secret-0123456789";
    protected virtual IDictionary<string, string?> More => new Dictionary<string, string?>();

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var s = new Dictionary<string, string?> { [PriceWatchAuth.SecretSetting] = JwtSecret, ["PriceWatch:PlatformScopeSecret"] = PlatformScopeSecret, ["RateLimits:pricewatch:PermitLimit"] = "100000" };
            foreach (var (k, v) in More) s[k] = v;
            return s;
        }
    }
}

public sealed record PwUser(Guid Id, string Email);

/// <summary>A fresh workspace with an owner, written straight to the database.</summary>
public sealed class PwTenant(ApiFactory api, Guid id, PwUser owner)
{
    public Guid Id { get; } = id;
    public PwUser Owner { get; } = owner;

    public static async Task<PwTenant> CreateAsync(ApiFactory api, string plan = "free")
    {
        var id = Guid.NewGuid();
        var owner = await NewUserAsync(api);
        await Pw.ExecAsync(api, id, """
            insert into pricewatch.tenants (id, name, slug) values (@t, 'Test ' || left(@t::text, 8), @t::text);
            insert into pricewatch.user_tenants (user_id, tenant_id, role) values (@u, @t, 'owner');
            insert into pricewatch.subscriptions (tenant_id, plan_id) values (@t, @plan);
            """, ("t", id), ("u", owner.Id), ("plan", plan));
        return new PwTenant(api, id, owner);
    }

    public static async Task<PwUser> NewUserAsync(ApiFactory api, string? email = null)
    {
        var user = new PwUser(Guid.NewGuid(), email ?? $"u{Guid.NewGuid():N}@test.example");
        await Pw.ExecAsync(api, null, "insert into pricewatch.users (id, email) values (@u, @e)", ("u", user.Id), ("e", user.Email));
        return user;
    }

    public async Task<PwUser> AddAsync(string role)
    {
        var user = await NewUserAsync(api);
        await Pw.ExecAsync(api, Id, "insert into pricewatch.user_tenants (user_id, tenant_id, role) values (@u, @t, @r)", ("u", user.Id), ("t", Id), ("r", role));
        return user;
    }

    public HttpClient Client(PwUser? user = null) => Pw.Client(api, user ?? Owner);

    /// <summary>Polls a session status path (e.g. <c>/pricewatch/api/match/status/{id}</c>) until it is no longer running.</summary>
    public async Task<System.Text.Json.Nodes.JsonNode> WaitForSessionAsync(string statusPath, int attempts = 300)
    {
        for (var i = 0; i < attempts; i++)
        {
            var s = await (await Client().GetAsync(statusPath)).Json();
            if ((string?)s["status"] != "running") return s;
            await Task.Delay(100);
        }
        throw new TimeoutException($"{statusPath} still running");
    }
}

public static class Pw
{
    public static string Token(PwUser user, TimeSpan? lifetime = null, string audience = "authenticated") =>
        PriceWatchAuth.Mint(PriceWatchFactory.JwtSecret, user.Id, user.Email, lifetime ?? TimeSpan.FromMinutes(10), audience);

    public static HttpClient Client(ApiFactory api, PwUser user)
    {
        var c = api.CreateClient();
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(user));
        return c;
    }

    /// <summary>SQL as the owner with app.tenant_id set (RLS-safe inserts).</summary>
    public static async Task ExecAsync(ApiFactory api, Guid? tenant, string sql, params (string Name, object Value)[] args)
    {
        await using var conn = api.OwnerConnection();
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var set = new NpgsqlCommand("select set_config('app.tenant_id', @t, true)", conn, tx))
        {
            set.Parameters.AddWithValue("t", tenant?.ToString() ?? "");
            await set.ExecuteNonQueryAsync();
        }
        await using (var cmd = new NpgsqlCommand(sql, conn, tx))
        {
            foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v);
            await cmd.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }

    public static async Task<T> ScalarAsync<T>(ApiFactory api, string sql, params (string Name, object Value)[] args)
    {
        await using var conn = api.OwnerConnection();
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}

public static class PwData
{
    /// <summary>A competitor with products (two prices each: old then new) and a brand product; returns the competitor id.</summary>
    public static async Task<Guid> SeedAsync(ApiFactory api, Guid tenant, string url = "https://shop.example", params (string Name, decimal Old, decimal New)[] products)
    {
        var competitor = Guid.NewGuid();
        await Pw.ExecAsync(api, tenant, "insert into pricewatch.competitors (id, tenant_id, name, url) values (@c, @t, 'Rival', @u)",
            ("c", competitor), ("t", tenant), ("u", url));
        var i = 0;
        foreach (var (name, oldPrice, newPrice) in products)
        {
            var id = Guid.NewGuid();
            await Pw.ExecAsync(api, tenant, """
                insert into pricewatch.product_tracking (id, tenant_id, competitor_id, external_id, product_name, price) values (@id, @t, @c, @e, @n, @p);
                insert into pricewatch.price_history (tenant_id, product_id, price) values (@t, @id, @old);
                insert into pricewatch.price_history (tenant_id, product_id, price) values (@t, @id, @p);
                """, ("id", id), ("t", tenant), ("c", competitor), ("e", $"x{i++}"), ("n", name), ("p", newPrice), ("old", oldPrice));
        }
        return competitor;
    }
}
