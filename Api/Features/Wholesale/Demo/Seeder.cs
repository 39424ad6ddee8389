using System.Globalization;
using Api.Infrastructure.Database;
using Api.Infrastructure.Demo;
using Api.Infrastructure.Security;
using Bogus;
using Npgsql;
using NpgsqlTypes;

namespace Api.Features.Wholesale.Demo;

/// <summary>
/// Wholesale demo data from the fixed Bogus seed: one staff user per role (plus a shipping clerk), the demo restaurant
/// <see cref="DemoCustomer"/>, 600 restaurants (60 approved for net-30), 1,500 products in 12 categories (SKUs
/// <c>LLD-0001</c>…), two years of orders (about 15,000) in each restaurant's own rhythm, invoices for net-30 orders and three
/// extracted supplier bills. Loaded with binary COPY; skipped when the demo admin exists. Every demo password is
/// <see cref="Password"/> (one hash computed once). See docs/wholesale.md, "Demo data".
/// </summary>
sealed class Seeder : IDemoSeeder
{
    public const string Password = "Demo-pass-123";
    public const string DemoCustomer = "demo_bistro";
    public const string DemoCustomerEmail = "orders@demo-bistro.example";
    /// <summary>The demo restaurant's most recent order (the samples track and reorder it).</summary>
    public const string DemoOrderNumber = "LLD-DEMO000001";
    /// <summary>The demo restaurant's phone (the voice samples call as it).</summary>
    public const string DemoPhone = "+13125550150";
    public static readonly (string Username, string Role, string First, string Last)[] StaffUsers =
    [
        ("admin", "admin", "Avery", "Admin"), ("manager", "manager", "Morgan", "Manager"), ("staff", "staff", "Sam", "Staff"),
        ("salesrep", "sales_rep", "Riley", "Rep"), ("salesrep2", "sales_rep", "Jordan", "Rep"), ("shipper", "staff", "Casey", "Shipper"),
    ];
    public string Name => "wholesale";

    static readonly (string Name, string[] Items, string[] Sizes, decimal Min, decimal Max)[] Categories =
    [
        ("Disposables", ["Foam Clamshell", "Paper Hot Cup", "Plastic Cold Cup", "Deli Container", "Aluminum Pan", "Napkin", "Straw", "Cutlery Kit"], ["500 ct", "1000 ct", "250 ct", "case of 12"], 12, 95),
        ("Dry Goods", ["Long Grain Rice", "All-Purpose Flour", "Granulated Sugar", "Black Beans", "Pinto Beans", "Spaghetti", "Penne Pasta", "Breadcrumbs"], ["25 lb", "50 lb", "10 lb", "6/#10 can"], 15, 80),
        ("Oils & Fats", ["Canola Oil", "Soybean Fry Oil", "Olive Oil Blend", "Shortening", "Butter Blend"], ["35 lb", "4/1 gal", "6/1 gal"], 25, 90),
        ("Sauces & Condiments", ["Ketchup", "Yellow Mustard", "Mayonnaise", "Hot Sauce", "Soy Sauce", "BBQ Sauce", "Ranch Dressing"], ["4/1 gal", "1000 ct packets", "6/#10 can"], 14, 60),
        ("Spices", ["Black Pepper", "Garlic Powder", "Onion Powder", "Paprika", "Cumin", "Chili Powder", "Oregano"], ["5 lb", "1 lb", "18 oz"], 6, 45),
        ("Cleaning", ["Degreaser", "Sanitizer", "Dish Detergent", "Floor Cleaner", "Glass Cleaner", "Bleach"], ["4/1 gal", "2/2.5 gal", "case of 6"], 18, 70),
        ("Paper Goods", ["Paper Towel Roll", "Toilet Tissue", "Deli Paper", "Foil Sheets", "Parchment Liner"], ["12 rolls", "96 rolls", "500 sheets", "1000 sheets"], 20, 85),
        ("Gloves & Apparel", ["Nitrile Gloves", "Vinyl Gloves", "Hair Net", "Apron", "Beard Net"], ["100 ct", "1000 ct", "case of 10"], 8, 60),
        ("Beverages", ["Cola Syrup", "Lemonade Mix", "Iced Tea Bags", "Coffee Beans", "Bottled Water"], ["5 gal BIB", "case of 24", "2 lb", "96 ct"], 10, 110),
        ("Frozen", ["French Fries", "Chicken Wings", "Mozzarella Sticks", "Onion Rings", "Hash Browns"], ["6/5 lb", "4/10 lb", "30 lb"], 28, 120),
        ("Smallwares", ["Sheet Pan", "Hotel Pan", "Cutting Board", "Squeeze Bottle", "Ladle", "Tongs"], ["each", "case of 6", "case of 12"], 5, 55),
        ("Bakery", ["Hamburger Bun", "Hot Dog Bun", "Flour Tortilla", "Pita Bread", "Sub Roll"], ["case of 96", "case of 120", "12/12 ct"], 12, 48),
    ];
    static readonly string[] Brands = ["Chef's Pride", "Golden Harvest", "ProLine", "Eco Serve", "Sunrise", "Metro Kitchen", "Heritage", "ClearChoice"];
    static readonly string[] States = ["IL", "IL", "IL", "IN", "WI", "MO", "IA", "MI"];
    static readonly string[] Kinds = ["Restaurant", "Cafe", "Pizzeria", "Taqueria", "Diner", "Grill", "Bakery", "Food Truck", "Catering", "Bistro"];

    public async Task SeedAsync(Db db, CancellationToken ct)
    {
        await using var conn = await db.Owner.OpenConnectionAsync(ct);
        await using (var exists = new NpgsqlCommand("select exists (select from wholesale.staff_users where username = 'admin')", conn))
            if ((bool)(await exists.ExecuteScalarAsync(ct))!) return;

        var f = new Faker("en") { Random = new Randomizer(DemoData.Seed + 12) };
        var hash = Hashing.HashPassword(Password);
        var now = DateTime.UtcNow;
        await using var tx = await conn.BeginTransactionAsync(ct);

        // staff
        var staffIds = new Dictionary<string, long>();
        for (var i = 0; i < StaffUsers.Length; i++)
        {
            var (username, role, first, last) = StaffUsers[i];
            staffIds[username] = i + 1;
            await Exec(conn, tx, """
                insert into wholesale.staff_users (id, username, email, password_hash, first_name, last_name, role, commission_rate, phone)
                overriding system value values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                """, (long)(i + 1), username, $"{username}@lld-supply.example", hash, first, last, role, role == "sales_rep" ? 5m : 0m,
                $"+1312555{1000 + i:0000}");
        }
        long[] reps = [staffIds["salesrep"], staffIds["salesrep2"]];

        // categories and products
        var products = new List<(long Id, string Sku, string Name, string Brand, string Size, decimal Price, decimal? Bulk, int? BulkQty, decimal Cost)>();
        await using (var cats = await conn.BeginBinaryImportAsync(
            "copy wholesale.categories (id, name, description, sort_order) from stdin (format binary)", ct))
        {
            for (var c = 0; c < Categories.Length; c++)
            {
                await cats.StartRowAsync(ct);
                await cats.WriteAsync((long)(c + 1), NpgsqlDbType.Bigint, ct);
                await cats.WriteAsync(Categories[c].Name, NpgsqlDbType.Text, ct);
                await cats.WriteAsync($"{Categories[c].Name} for restaurants and food service", NpgsqlDbType.Text, ct);
                await cats.WriteAsync(c, NpgsqlDbType.Integer, ct);
            }
            await cats.CompleteAsync(ct);
        }
        await using (var prod = await conn.BeginBinaryImportAsync("""
            copy wholesale.products (id, sku, name, description, category_id, brand, unit_size, unit_price, bulk_price, bulk_quantity, cost,
                                     stock_quantity, in_stock, box_length_in, box_width_in, box_height_in, weight_lb, created_at, updated_at)
            from stdin (format binary)
            """, ct))
        {
            for (var i = 1; i <= 1500; i++)
            {
                var c = (i - 1) % Categories.Length;
                var cat = Categories[c];
                var item = cat.Items[f.Random.Int(0, cat.Items.Length - 1)];
                var brand = f.PickRandom(Brands);
                var size = f.PickRandom(cat.Sizes);
                var name = $"{brand} {item} {size}";
                var price = Math.Round(f.Random.Decimal(cat.Min, cat.Max), 2);
                var hasBulk = f.Random.Bool(0.6f);
                decimal? bulk = hasBulk ? Math.Round(price * f.Random.Decimal(0.85m, 0.95m), 2) : null;
                int? bulkQty = hasBulk ? f.PickRandom(5, 10, 20) : null;
                var cost = Math.Round(price * f.Random.Decimal(0.55m, 0.75m), 2);
                int? stock = f.Random.Bool(0.75f) ? f.Random.Int(0, 400) : null;   // a quarter untracked
                var created = now.AddDays(-f.Random.Int(200, 900));
                var sku = $"LLD-{i:0000}";
                products.Add((i, sku, name, brand, size, price, bulk, bulkQty, cost));
                await prod.StartRowAsync(ct);
                await prod.WriteAsync((long)i, NpgsqlDbType.Bigint, ct);
                await prod.WriteAsync(sku, NpgsqlDbType.Text, ct);
                await prod.WriteAsync(name, NpgsqlDbType.Text, ct);
                await prod.WriteAsync($"{item} from {brand}, {size}. {f.Lorem.Sentence(8)}", NpgsqlDbType.Text, ct);
                await prod.WriteAsync((long)(c + 1), NpgsqlDbType.Bigint, ct);
                await prod.WriteAsync(brand, NpgsqlDbType.Text, ct);
                await prod.WriteAsync(size, NpgsqlDbType.Text, ct);
                await prod.WriteAsync(price, NpgsqlDbType.Numeric, ct);
                await WriteNullable(prod, bulk, NpgsqlDbType.Numeric, ct);
                await WriteNullable(prod, bulkQty, NpgsqlDbType.Integer, ct);
                await prod.WriteAsync(cost, NpgsqlDbType.Numeric, ct);
                await WriteNullable(prod, stock, NpgsqlDbType.Integer, ct);
                await prod.WriteAsync(stock is not 0, NpgsqlDbType.Boolean, ct);
                await prod.WriteAsync(Math.Round(f.Random.Decimal(8, 24), 1), NpgsqlDbType.Numeric, ct);
                await prod.WriteAsync(Math.Round(f.Random.Decimal(6, 18), 1), NpgsqlDbType.Numeric, ct);
                await prod.WriteAsync(Math.Round(f.Random.Decimal(4, 16), 1), NpgsqlDbType.Numeric, ct);
                await prod.WriteAsync(Math.Round(f.Random.Decimal(2, 45), 1), NpgsqlDbType.Numeric, ct);
                await prod.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
                await prod.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
            }
            await prod.CompleteAsync(ct);
        }

        // restaurants: #1 is the demo bistro; 60 approved for net-30 (every tenth); about a third with a website login
        var customers = new List<(long Id, string Company, string Contact, string Email, string Phone, string Address, string City, string State,
            string Zip, bool Net30, double RhythmDays, DateTime Start, DateTime? Churn, long? Rep, int[] Favourites)>();
        await using (var cust = await conn.BeginBinaryImportAsync("""
            copy wholesale.customers (id, kind, username, email, password_hash, email_verified, first_name, last_name, company_name, phone,
                                      business_type, state_of_operation, shipping_address, billing_address, payment_terms, account_approved,
                                      credit_limit, sales_rep_id, created_at, updated_at)
            from stdin (format binary)
            """, ct))
        {
            for (var i = 1; i <= 600; i++)
            {
                var demo = i == 1;
                var first = f.Name.FirstName();
                var last = f.Name.LastName();
                var kind = f.PickRandom(Kinds);
                var company = demo ? "Demo Bistro" : $"{f.PickRandom(last, f.Address.StreetName(), f.Name.FirstName())}'s {kind}";
                var email = demo ? DemoCustomerEmail : $"{first}.{last}{i}@{f.Internet.DomainWord()}.example".ToLowerInvariant();
                var phone = $"+1{f.PickRandom(312, 773, 630, 708, 847, 219, 414)}{f.Random.Int(2000000, 9999999)}";
                if (demo) phone = DemoPhone;   // drawn anyway, so every other restaurant keeps its data; the voice samples call as the bistro
                var state = f.PickRandom(States);
                var city = state == "IL" ? f.PickRandom("Chicago", "Evanston", "Oak Park", "Naperville", "Skokie") : f.Address.City();
                var address = f.Address.StreetAddress();
                var zip = f.Address.ZipCode("#####");
                var net30 = demo || (i % 10 == 0 && i < 600);   // 60 in all
                var login = demo || i % 3 == 0;
                var rhythm = Math.Max(3, f.Random.Double(3.5, 30) * (f.Random.Bool(0.2f) ? 2 : 1));   // days between orders
                var start = now.AddDays(-f.Random.Int(30, 730));
                DateTime? churn = !demo && f.Random.Bool(0.25f) ? start.AddDays(f.Random.Int(60, 600)) : null;
                long? rep = f.Random.Bool(0.5f) ? f.PickRandom(reps) : null;
                var favourites = Enumerable.Range(0, f.Random.Int(6, 20)).Select(_ => f.Random.Int(1, 1500)).Distinct().ToArray();
                if (demo) start = now.AddDays(-720);
                customers.Add((i, company, $"{first} {last}", email, phone, address, city, state, zip, net30, rhythm, start, churn, rep, favourites));
                await cust.StartRowAsync(ct);
                await cust.WriteAsync((long)i, NpgsqlDbType.Bigint, ct);
                await cust.WriteAsync(login ? "account" : "imported", NpgsqlDbType.Text, ct);
                await WriteNullable(cust, login ? (demo ? DemoCustomer : $"{first}{last}{i}".ToLowerInvariant()) : null, NpgsqlDbType.Text, ct);
                await cust.WriteAsync(email, NpgsqlDbType.Text, ct);
                await WriteNullable(cust, login ? hash : null, NpgsqlDbType.Text, ct);
                await cust.WriteAsync(login, NpgsqlDbType.Boolean, ct);
                await cust.WriteAsync(first, NpgsqlDbType.Text, ct);
                await cust.WriteAsync(last, NpgsqlDbType.Text, ct);
                await cust.WriteAsync(company, NpgsqlDbType.Text, ct);
                await cust.WriteAsync(phone, NpgsqlDbType.Text, ct);
                await cust.WriteAsync(kind, NpgsqlDbType.Text, ct);
                await cust.WriteAsync(state, NpgsqlDbType.Text, ct);
                await cust.WriteAsync($"{address}, {city}, {state} {zip}", NpgsqlDbType.Text, ct);
                await cust.WriteAsync($"{address}, {city}, {state} {zip}", NpgsqlDbType.Text, ct);
                await cust.WriteAsync(net30 ? "net30" : "prepaid", NpgsqlDbType.Text, ct);
                await cust.WriteAsync(net30, NpgsqlDbType.Boolean, ct);
                await cust.WriteAsync(net30 ? 5000m : 0m, NpgsqlDbType.Numeric, ct);
                await WriteNullable(cust, rep, NpgsqlDbType.Bigint, ct);
                await cust.WriteAsync(start.AddDays(-7), NpgsqlDbType.TimestampTz, ct);
                await cust.WriteAsync(start.AddDays(-7), NpgsqlDbType.TimestampTz, ct);
            }
            await cust.CompleteAsync(ct);
        }

        // orders in each restaurant's rhythm (gamma-like jitter around its interval), until it churns
        var orders = new List<(long Id, string Number, long Customer, DateTime At, string Status, string Method, string PayStatus,
            decimal Subtotal, decimal Fee, decimal Total, long? Rep, List<(int Product, int Qty, decimal Unit, decimal Cost, bool Bulk)> Lines)>();
        long orderId = 0;
        foreach (var c in customers)
        {
            var t = c.Start;
            var end = c.Churn is { } ch && ch < now ? ch : now;
            while (t < end)
            {
                orderId++;
                var age = (now - t).TotalDays;
                var status = f.Random.Bool(0.03f) ? "cancelled"
                    : age > 10 ? "delivered" : age > 5 ? "shipped" : age > 3 ? "packed" : age > 1 ? "confirmed" : "pending";
                var lines = new List<(int, int, decimal, decimal, bool)>();
                foreach (var p in f.PickRandom(c.Favourites, Math.Min(c.Favourites.Length, f.Random.Int(2, 8))).Distinct())
                {
                    var prod = products[p - 1];
                    var qty = f.Random.Int(1, 12);
                    var bulk = prod.BulkQty is { } bq && qty >= bq && prod.Bulk is not null;
                    lines.Add((p, qty, bulk ? prod.Bulk!.Value : prod.Price, prod.Cost, bulk));
                }
                var subtotal = lines.Sum(l => l.Item3 * l.Item2);
                var fee = subtotal >= 300 ? 0m : 25m;
                var method = c.Net30 ? "net30" : f.PickRandom("card", "card", "check", "cash");
                var pay = status == "cancelled" ? "unpaid" : c.Net30 ? (age > 35 || f.Random.Bool(0.3f) ? "paid" : "unpaid") : "paid";
                var number = $"LLD-{f.Random.String2(10, "0123456789ABCDEFGHJKMNPQRSTVWXYZ")}";
                orders.Add((orderId, number, c.Id, t, status, method, pay, subtotal, fee, subtotal + fee, c.Rep, lines));
                t = t.AddDays(Math.Max(1, c.RhythmDays * f.Random.Double(0.6, 1.5))).AddMinutes(f.Random.Int(-300, 300));
            }
        }
        // the demo bistro's newest order gets the well-known number
        var demoLast = orders.Where(o => o.Customer == 1).MaxBy(o => o.At);
        var demoIndex = orders.FindIndex(o => o.Id == demoLast.Id);
        orders[demoIndex] = orders[demoIndex] with { Number = DemoOrderNumber };

        await using (var ord = await conn.BeginBinaryImportAsync("""
            copy wholesale.orders (id, order_number, customer_id, status, source, delivery_name, delivery_first_name, delivery_last_name,
                                   delivery_email, delivery_company, delivery_address, delivery_city, delivery_state, delivery_zip, delivery_phone,
                                   subtotal, delivery_fee, total_amount, amount_paid, payment_method, payment_status, sales_rep_id,
                                   tracking_number, carrier, status_changed_at, status_changed_by, created_at, updated_at)
            from stdin (format binary)
            """, ct))
        {
            foreach (var o in orders)
            {
                var c = customers[(int)o.Customer - 1];
                var parts = c.Contact.Split(' ', 2);
                var shipped = o.Status is "shipped" or "delivered";
                await ord.StartRowAsync(ct);
                await ord.WriteAsync(o.Id, NpgsqlDbType.Bigint, ct);
                await ord.WriteAsync(o.Number, NpgsqlDbType.Text, ct);
                await ord.WriteAsync(o.Customer, NpgsqlDbType.Bigint, ct);
                await ord.WriteAsync(o.Status, NpgsqlDbType.Text, ct);
                await ord.WriteAsync(o.Rep is not null && o.Id % 4 == 0 ? "sales" : "web", NpgsqlDbType.Text, ct);
                await ord.WriteAsync(c.Contact, NpgsqlDbType.Text, ct);
                await ord.WriteAsync(parts[0], NpgsqlDbType.Text, ct);
                await ord.WriteAsync(parts.Length > 1 ? parts[1] : "", NpgsqlDbType.Text, ct);
                await ord.WriteAsync(c.Email, NpgsqlDbType.Text, ct);
                await ord.WriteAsync(c.Company, NpgsqlDbType.Text, ct);
                await ord.WriteAsync(c.Address, NpgsqlDbType.Text, ct);
                await ord.WriteAsync(c.City, NpgsqlDbType.Text, ct);
                await ord.WriteAsync(c.State, NpgsqlDbType.Text, ct);
                await ord.WriteAsync(c.Zip, NpgsqlDbType.Text, ct);
                await ord.WriteAsync(c.Phone, NpgsqlDbType.Text, ct);
                await ord.WriteAsync(o.Subtotal, NpgsqlDbType.Numeric, ct);
                await ord.WriteAsync(o.Fee, NpgsqlDbType.Numeric, ct);
                await ord.WriteAsync(o.Total, NpgsqlDbType.Numeric, ct);
                await ord.WriteAsync(o.PayStatus == "paid" ? o.Total : 0m, NpgsqlDbType.Numeric, ct);
                await ord.WriteAsync(o.Method, NpgsqlDbType.Text, ct);
                await ord.WriteAsync(o.PayStatus, NpgsqlDbType.Text, ct);
                await WriteNullable(ord, o.Rep, NpgsqlDbType.Bigint, ct);
                await WriteNullable(ord, shipped ? $"1Z{o.Id:000000000000}" : null, NpgsqlDbType.Text, ct);
                await WriteNullable(ord, shipped ? "UPS" : null, NpgsqlDbType.Text, ct);
                await ord.WriteAsync(o.At.AddHours(o.Status == "pending" ? 0 : 20), NpgsqlDbType.TimestampTz, ct);
                await ord.WriteAsync("system", NpgsqlDbType.Text, ct);
                await ord.WriteAsync(o.At, NpgsqlDbType.TimestampTz, ct);
                await ord.WriteAsync(o.At, NpgsqlDbType.TimestampTz, ct);
            }
            await ord.CompleteAsync(ct);
        }
        await using (var items = await conn.BeginBinaryImportAsync("""
            copy wholesale.order_items (order_id, product_id, product_name, product_sku, product_brand, product_unit_size, quantity,
                                        unit_price, unit_cost, is_bulk_price, line_total)
            from stdin (format binary)
            """, ct))
        {
            foreach (var o in orders)
                foreach (var (p, qty, unit, cost, bulk) in o.Lines)
                {
                    var prod = products[p - 1];
                    await items.StartRowAsync(ct);
                    await items.WriteAsync(o.Id, NpgsqlDbType.Bigint, ct);
                    await items.WriteAsync((long)p, NpgsqlDbType.Bigint, ct);
                    await items.WriteAsync(prod.Name, NpgsqlDbType.Text, ct);
                    await items.WriteAsync(prod.Sku, NpgsqlDbType.Text, ct);
                    await items.WriteAsync(prod.Brand, NpgsqlDbType.Text, ct);
                    await items.WriteAsync(prod.Size, NpgsqlDbType.Text, ct);
                    await items.WriteAsync(qty, NpgsqlDbType.Integer, ct);
                    await items.WriteAsync(unit, NpgsqlDbType.Numeric, ct);
                    await items.WriteAsync(cost, NpgsqlDbType.Numeric, ct);
                    await items.WriteAsync(bulk, NpgsqlDbType.Boolean, ct);
                    await items.WriteAsync(unit * qty, NpgsqlDbType.Numeric, ct);
                }
            await items.CompleteAsync(ct);
        }

        // order history events, payments for paid orders, invoices for net-30 orders
        await Exec(conn, tx, """
            insert into wholesale.order_events (order_id, kind, to_status, actor_kind, reason, created_at)
            select id, 'status', 'pending', 'customer', 'order placed', created_at from wholesale.orders;
            insert into wholesale.order_events (order_id, kind, from_status, to_status, actor_kind, reason, created_at)
            select id, 'status', 'pending', status, 'system', 'demo history', status_changed_at from wholesale.orders where status <> 'pending';
            insert into wholesale.payments (order_id, customer_id, method, amount, status, created_by, created_at, status_changed_at, status_changed_by)
            select id, customer_id, case payment_method when 'net30' then 'ach' else payment_method end, total_amount, 'succeeded', 'system',
                   created_at + interval '1 hour', created_at + interval '1 hour', 'system'
              from wholesale.orders where payment_status = 'paid';
            insert into wholesale.invoices (invoice_number, customer_id, order_id, status, customer_name, customer_email, customer_phone, billing_address,
                                            items, subtotal, discount_amount, tax_rate, tax_amount, total, issue_date, due_date, created_by, created_at,
                                            status_changed_at, status_changed_by)
            select 'INV-' || to_char(o.created_at, 'YYYY') || '-' || lpad(row_number() over (partition by to_char(o.created_at, 'YYYY') order by o.id)::text, 5, '0'),
                   o.customer_id, o.id,
                   case when o.payment_status = 'paid' then 'paid' when o.created_at < now() - interval '30 days' then 'overdue' else 'sent' end,
                   o.delivery_company, o.delivery_email, o.delivery_phone, c.billing_address,
                   (select jsonb_agg(jsonb_build_object('description', i.product_name, 'sku', i.product_sku, 'quantity', i.quantity,
                                                        'unit_price', i.unit_price, 'line_total', i.line_total) order by i.id)
                      from wholesale.order_items i where i.order_id = o.id),
                   o.subtotal, 0, 0, 0, o.total_amount, o.created_at::date, o.created_at::date + 30, 'system', o.created_at,
                   o.created_at, 'system'
              from wholesale.orders o join wholesale.customers c on c.id = o.customer_id
             where o.payment_method = 'net30' and o.status <> 'cancelled';
            """, ct);

        // three supplier bills, extracted and matched (what the bill job produces), to show savings
        for (var b = 1; b <= 3; b++)
        {
            var c = customers[b * 7];
            var lines = products.Skip(b * 40).Take(6).ToList();
            var billId = await Scalar<long>(conn, tx, """
                insert into wholesale.bills (extraction_status, supplier_name, bill_date, bill_number, restaurant_name, restaurant_email,
                                             restaurant_phone, contact_name, original_filename, file_type, uploaded_by, created_at)
                values ('completed', $1, $2, $3, $4, $5, $6, $7, $8, 'text/csv', 1, $9) returning id
                """, f.PickRandom("Sysco", "US Foods", "Restaurant Depot", "Gordon Food Service"), DateOnly.FromDateTime(now.AddDays(-b * 9)),
                $"B-{f.Random.Int(100000, 999999)}", c.Company, c.Email, c.Phone, c.Contact, $"bill-{b}.csv", now.AddDays(-b * 9));
            var n = 0;
            decimal total = 0, savings = 0;
            foreach (var p in lines)
            {
                n++;
                var qty = f.Random.Int(1, 6);
                var theirs = Math.Round(p.Price * f.Random.Decimal(1.02m, 1.25m), 2);
                var save = (theirs - p.Price) * qty;
                total += theirs * qty; savings += save;
                await Exec(conn, tx, """
                    insert into wholesale.bill_items (bill_id, line_no, description, quantity, unit, unit_price, line_total, matched_product_id,
                                                      our_sku, our_product_name, our_unit_price, our_line_total, savings, match_score)
                    values ($1, $2, $3, $4, 'cs', $5, $6, $7, $8, $9, $10, $11, $12, 0.9)
                    """, billId, n, p.Name.ToUpperInvariant(), (decimal)qty, theirs, theirs * qty, p.Id, p.Sku, p.Name, p.Price, p.Price * qty, save);
            }
            await Exec(conn, tx, "update wholesale.bills set total_items = $2, items_we_carry = $2, potential_savings = $3, bill_total = $4 where id = $1",
                billId, n, savings, total);
        }

        await Exec(conn, tx, """
            select setval(pg_get_serial_sequence('wholesale.staff_users', 'id'), (select max(id) from wholesale.staff_users));
            select setval(pg_get_serial_sequence('wholesale.categories', 'id'), (select max(id) from wholesale.categories));
            select setval(pg_get_serial_sequence('wholesale.products', 'id'), (select max(id) from wholesale.products));
            select setval(pg_get_serial_sequence('wholesale.customers', 'id'), (select max(id) from wholesale.customers));
            select setval(pg_get_serial_sequence('wholesale.orders', 'id'), (select max(id) from wholesale.orders));
            """, ct);
        await SourcingSeed.SeedAsync(conn, tx, ct);
        await SubscriptionsSeed.SeedAsync(conn, tx, ct);   // subscriptions (issue 13)
        await VoiceSeed.SeedAsync(conn, tx, ct);           // voice assistants, calls for the review queue, do-not-call (issue 16)
        await tx.CommitAsync(ct);
        await Exec(conn, null, "analyze wholesale.products, wholesale.orders, wholesale.order_items, wholesale.customers", ct);
        await SalesCallingSeed.SeedAsync(conn, ct);   // sales calling: calling list, calls, first script
    }

    static async Task WriteNullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null) await w.WriteNullAsync(ct);
        else await w.WriteAsync(value, type, ct);
    }

    static async Task Exec(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, params object?[] args)
    {
        var ct = args.Length > 0 && args[^1] is CancellationToken c ? c : CancellationToken.None;
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        foreach (var a in args.Where(a => a is not CancellationToken)) cmd.Parameters.Add(new NpgsqlParameter { Value = a ?? DBNull.Value });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    static async Task<T> Scalar<T>(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, params object?[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a ?? DBNull.Value });
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    public static string Money(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture);
}
