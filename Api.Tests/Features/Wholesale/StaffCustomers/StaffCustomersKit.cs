using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Collections.Concurrent;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.StaffCustomers;

public sealed class StaffCustomersApi : ApiFactory;

static class StaffKit
{
    public const string B = WsKit.Base;

    public static async Task<long> InsertCustomerAsync(this ApiFactory api, string? company = null, string? email = null, string? phone = null,
        decimal credit = 0, bool login = false, string kind = "account")
    {
        var name = WsKit.Unique("sc_");
        return await api.Scalar<long>("""
            insert into wholesale.customers (kind, username, email, password_hash, first_name, last_name, company_name, phone, store_credit, shipping_address)
            values ($6, case when $5 then $1 end, $2, case when $5 then 'x' end, 'Sam', 'Cook', $3, $4, $7, '1 Main St, Chicago, IL 60601') returning id
            """, name, email ?? name + "@c.test", company ?? "Co " + name, phone, login, kind, credit);
    }

    public static async Task<long> InsertOrderAsync(this ApiFactory api, long? customerId, decimal total = 50m, decimal paid = 50m,
        string payment = "paid", string status = "delivered")
    {
        var id = await api.Scalar<long>("""
            insert into wholesale.orders (order_number, customer_id, status, subtotal, total_amount, amount_paid, payment_status)
            values ($1, $2, $3, $4, $4, $5, $6) returning id
            """, WsKit.Unique("T-"), customerId, status, total, paid, payment);
        await api.Exec("insert into wholesale.order_items (order_id, product_name, quantity, unit_price, line_total) values ($1, 'Gloves', 2, $2, $3)",
            id, total / 2, total);
        return id;
    }
}

/// <summary>A tiny SMTP server on 127.0.0.1: EHLO with AUTH PLAIN, accepts one user/password; Silent = never greets.</summary>
public sealed class FakeSmtpServer
{
    public int Port { get; }
    public volatile bool Silent;
    public ConcurrentQueue<string> Auths { get; } = new();

    public FakeSmtpServer()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = Task.Run(async () =>
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync();
                _ = Task.Run(() => ServeAsync(client));
            }
        });
    }

    async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        if (Silent) { await Task.Delay(5000); return; }
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.ASCII);
        var writer = new StreamWriter(stream, Encoding.ASCII) { AutoFlush = true, NewLine = "\r\n" };
        await writer.WriteLineAsync("220 fake.smtp ready");
        while (await reader.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ');
            switch (parts[0].ToUpperInvariant())
            {
                case "EHLO": await writer.WriteLineAsync("250-fake.smtp\r\n250-AUTH PLAIN\r\n250 8BITMIME"); break;
                case "AUTH":
                    var payload = parts.Length > 2 ? parts[2] : await Ask(writer, reader);
                    var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(payload ?? "")).Split('\0');
                    Auths.Enqueue(decoded.Length > 1 ? decoded[1] : "");
                    await writer.WriteLineAsync(decoded.Length > 2 && decoded[2] == "smtp-secret-pass" ? "235 2.7.0 ok" : "535 5.7.8 bad credentials");
                    break;
                case "QUIT": await writer.WriteLineAsync("221 bye"); return;
                default: await writer.WriteLineAsync("250 ok"); break;
            }
        }
    }

    static async Task<string?> Ask(StreamWriter w, StreamReader r) { await w.WriteLineAsync("334 "); return await r.ReadLineAsync(); }
}
