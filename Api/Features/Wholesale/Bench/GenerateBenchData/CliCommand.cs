using System.Diagnostics;
using Api.Infrastructure.Cli;
using Api.Infrastructure.Database;
using Api.Infrastructure.Security;
using Npgsql;
using NpgsqlTypes;

namespace Api.Features.Wholesale.Bench.GenerateBenchData;

/// <summary>
/// <c>wholesale-bench-data --products 50000</c>: the bench catalog on top of the demo data — products <c>WB-000001</c>… in 40
/// categories (names drawn from restaurant-supply words so searches hit realistic result sizes), the first
/// <see cref="OrderProducts"/> with ample tracked stock for the ordering load, and <see cref="ScarceProducts"/> products with
/// <see cref="ScarceStock"/> units each (the never-oversell check), plus the API key <see cref="BenchKey"/> (products:read).
/// Loaded with binary COPY; a second run resets the stock of the order products and leaves the catalog.
/// </summary>
sealed class CliCommand : ICliCommand
{
    public const string BenchKey = "lld_bench_key_0123456789abcdefghijklmnop";
    public const int OrderProducts = 2000;
    public const int ScarceProducts = 10;
    public const int ScarceStock = 10;
    public string Name => "wholesale-bench-data";
    public string Usage => "--products 50000 [--seed 42]";

    static readonly string[] Words = ["Chicken", "Beef", "Pork", "Rice", "Flour", "Sugar", "Oil", "Cup", "Lid", "Container", "Glove", "Towel",
        "Sauce", "Pepper", "Salt", "Cheese", "Bun", "Tortilla", "Foil", "Wrap", "Fork", "Spoon", "Knife", "Napkin", "Straw", "Tray",
        "Bag", "Box", "Cleaner", "Sanitizer", "Coffee", "Tea", "Syrup", "Fries", "Wings", "Onion", "Garlic", "Tomato", "Bean", "Pasta"];
    static readonly string[] Adjectives = ["Premium", "Classic", "Heavy Duty", "Eco", "Clear", "Black", "White", "Large", "Small", "Medium",
        "Organic", "Frozen", "Fresh", "Spicy", "Mild", "Jumbo", "Compostable", "Disposable", "Reusable", "Bulk"];

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> args, CancellationToken ct)
    {
        int Arg(string name, int fallback) => args.TryGetValue(name, out var v) && int.TryParse(v, out var n) && n > 0 ? n : fallback;
        var count = Arg("products", 50_000);
        var rnd = new Random(Arg("seed", 42));
        var db = services.GetRequiredService<Db>();
        var watch = Stopwatch.StartNew();
        await using var conn = await db.Owner.OpenConnectionAsync(ct);

        await using (var exists = new NpgsqlCommand("select count(*) from wholesale.products where sku like 'WB-%'", conn))
            if ((long)(await exists.ExecuteScalarAsync(ct))! > 0)
            {
                await Exec(conn, $"""
                    update wholesale.products set stock_quantity = case when sku <= 'WB-{ScarceProducts:000000}' then {ScarceStock} else 1000000 end,
                           in_stock = true
                     where sku like 'WB-%' and sku <= 'WB-{OrderProducts + ScarceProducts:000000}';
                    """, ct);
                Console.WriteLine("wholesale bench data already loaded: order-product stock reset");
                return 0;
            }

        await Exec(conn, """
            insert into wholesale.categories (name, description, sort_order)
            select 'Bench ' || g, 'Bench category ' || g, 100 + g from generate_series(1, 40) g
            on conflict do nothing;
            """, ct);
        var categoryIds = new List<long>();
        await using (var cats = new NpgsqlCommand("select id from wholesale.categories where name like 'Bench %' order by id", conn))
        await using (var r = await cats.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) categoryIds.Add(r.GetInt64(0));

        await using (var w = await conn.BeginBinaryImportAsync("""
            copy wholesale.products (sku, name, description, category_id, brand, unit_size, unit_price, bulk_price, bulk_quantity, cost,
                                     stock_quantity, in_stock)
            from stdin (format binary)
            """, ct))
        {
            for (var i = 1; i <= count; i++)
            {
                var name = $"{Adjectives[rnd.Next(Adjectives.Length)]} {Words[rnd.Next(Words.Length)]} {Words[rnd.Next(Words.Length)]} {rnd.Next(1, 100)} ct";
                var price = Math.Round((decimal)(rnd.NextDouble() * 120 + 3), 2);
                var tracked = i <= OrderProducts + ScarceProducts || rnd.NextDouble() < 0.7;
                int? stock = i <= ScarceProducts ? ScarceStock : i <= OrderProducts + ScarceProducts ? 1_000_000 : tracked ? rnd.Next(0, 500) : null;
                await w.StartRowAsync(ct);
                await w.WriteAsync($"WB-{i:000000}", NpgsqlDbType.Text, ct);
                await w.WriteAsync(name, NpgsqlDbType.Text, ct);
                await w.WriteAsync($"{name} for food service. Case pack, restaurant grade.", NpgsqlDbType.Text, ct);
                await w.WriteAsync(categoryIds[i % categoryIds.Count], NpgsqlDbType.Bigint, ct);
                await w.WriteAsync($"Brand{rnd.Next(1, 60)}", NpgsqlDbType.Text, ct);
                await w.WriteAsync("1 case", NpgsqlDbType.Text, ct);
                await w.WriteAsync(price, NpgsqlDbType.Numeric, ct);
                await w.WriteAsync(Math.Round(price * 0.9m, 2), NpgsqlDbType.Numeric, ct);
                await w.WriteAsync(10, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(Math.Round(price * 0.6m, 2), NpgsqlDbType.Numeric, ct);
                if (stock is { } s) await w.WriteAsync(s, NpgsqlDbType.Integer, ct); else await w.WriteNullAsync(ct);
                await w.WriteAsync(stock is not 0, NpgsqlDbType.Boolean, ct);
            }
            await w.CompleteAsync(ct);
        }
        await using (var key = new NpgsqlCommand("""
            insert into wholesale.api_keys (name, prefix, key_hash, key_preview, scopes)
            values ('bench', 'lld_', $1, $2, array['products:read', 'products:write'])
            on conflict (key_hash) do nothing
            """, conn))
        {
            key.Parameters.Add(new NpgsqlParameter { Value = Hashing.HashApiKey(BenchKey) });
            key.Parameters.Add(new NpgsqlParameter { Value = SecretBox.Preview(BenchKey) });
            await key.ExecuteNonQueryAsync(ct);
        }
        await Exec(conn, "vacuum analyze wholesale.products", ct);
        Console.WriteLine($"wholesale bench data: {count} products in {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    static async Task Exec(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
