using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Api.Tests.Features.PriceWatch.Integrations;

/// <summary>A minimal SMTP server on 127.0.0.1 that accepts every message and keeps its DATA.</summary>
public sealed class FakeSmtp
{
    public int Port { get; }
    public ConcurrentQueue<string> Messages { get; } = new();

    public FakeSmtp()
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
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.ASCII);
        var writer = new StreamWriter(stream, Encoding.ASCII) { AutoFlush = true, NewLine = "\r\n" };
        await writer.WriteLineAsync("220 fake.smtp ready");
        while (await reader.ReadLineAsync() is { } line)
        {
            var cmd = line.Split(' ')[0].ToUpperInvariant();
            switch (cmd)
            {
                case "EHLO": await writer.WriteLineAsync("250-fake.smtp\r\n250 8BITMIME"); break;
                case "DATA":
                    await writer.WriteLineAsync("354 go ahead");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } l && l != ".") data.AppendLine(l);
                    Messages.Enqueue(data.ToString());
                    await writer.WriteLineAsync("250 queued");
                    break;
                case "QUIT": await writer.WriteLineAsync("221 bye"); return;
                default: await writer.WriteLineAsync("250 ok"); break;
            }
        }
    }
}

public sealed class SmtpFactory : PriceWatchFactory
{
    public FakeSmtp Smtp { get; } = new();
    protected override IDictionary<string, string?> More => new Dictionary<string, string?>
    {
        ["Integrations:Mail:Smtp:Host"] = "127.0.0.1", ["Integrations:Mail:Smtp:Port"] = Smtp.Port.ToString(), ["Integrations:Mail:Smtp:From"] = "pricewatch@test.example",
    };
}

public sealed class SmtpTests(SmtpFactory api) : IClassFixture<SmtpFactory>
{
    [Fact]
    public async Task Invitations_go_out_over_smtp_when_configured()
    {
        var t = await PwTenant.CreateAsync(api);
        var body = await (await t.Client().PostJson("/pricewatch/api/team/invite", new { email = "smtp.person@example.com", role = "viewer" })).Json();
        Assert.True((bool)body["email_sent"]!);
        Assert.Equal("smtp", (string?)body["email_delivery"]);
        var message = Assert.Single(api.Smtp.Messages, m => m.Contains("smtp.person@example.com"));
        Assert.Contains("invite/accept?invitation=" + (string)body["invitation"]!["id"]!, message);
        Assert.Equal(0L, await Pw.ScalarAsync<long>(api, "select count(*) from platform.mail_outbox where to_address = 'smtp.person@example.com'"));
    }
}

public sealed class SupabaseFactory : PriceWatchFactory
{
    public ConcurrentQueue<string> Invites { get; } = new();
    public ConcurrentDictionary<Guid, string> Emails { get; } = new();
    readonly Lazy<string> _url;

    public SupabaseFactory() => _url = new(() =>
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/auth/v1/invite", async (HttpContext ctx) =>
        {
            if (ctx.Request.Headers.Authorization != "Bearer service-role-test") return Results.StatusCode(401);
            var json = System.Text.Json.Nodes.JsonNode.Parse(await new StreamReader(ctx.Request.Body).ReadToEndAsync())!;
            var email = (string)json["email"]!;
            if (email.StartsWith("existing", StringComparison.Ordinal)) return Results.Json(new { msg = "already registered" }, statusCode: 422);
            Invites.Enqueue(email + " " + ctx.Request.QueryString);
            return Results.Json(new { id = Guid.NewGuid(), email });
        });
        app.MapGet("/auth/v1/admin/users/{id:guid}", (Guid id) => Emails.TryGetValue(id, out var e) ? Results.Json(new { id, email = e }) : Results.NotFound());
        app.MapGet("/auth/v1/health", () => Results.Json(new { name = "GoTrue" }));
        app.StartAsync().GetAwaiter().GetResult();
        return app.Urls.First();
    });

    protected override IDictionary<string, string?> More => new Dictionary<string, string?>
    {
        ["Integrations:SupabaseAdmin:BaseUrl"] = _url.Value, ["Integrations:SupabaseAdmin:ServiceRoleKey"] = "service-role-test",
    };
}

public sealed class SupabaseAdminTests(SupabaseFactory api) : IClassFixture<SupabaseFactory>
{
    [Fact]
    public async Task Invites_use_supabase_and_fall_back_to_mail_when_refused()
    {
        var t = await PwTenant.CreateAsync(api);
        var body = await (await t.Client().PostJson("/pricewatch/api/team/invite", new { email = "fresh@example.com", role = "member" })).Json();
        Assert.True((bool)body["email_sent"]!);
        Assert.Equal("supabase", (string?)body["email_delivery"]);
        Assert.Contains(api.Invites, i => i.StartsWith("fresh@example.com ?redirect_to=", StringComparison.Ordinal));

        var existing = await (await t.Client().PostJson("/pricewatch/api/team/invite", new { email = "existing@example.com", role = "member" })).Json();
        Assert.Equal("outbox", (string?)existing["email_delivery"]);
        Assert.True((bool)(await (await api.CreateClient().GetAsync("/pricewatch/api/health")).Json())["supabase_connected"]!);
    }

    [Fact]
    public async Task Member_emails_missing_locally_are_filled_from_the_admin_api()
    {
        var t = await PwTenant.CreateAsync(api);
        var ghost = await t.AddAsync("member");
        await Pw.ExecAsync(api, null, "update pricewatch.users set email = null where id = @u", ("u", ghost.Id));
        api.Emails[ghost.Id] = "Ghost@Example.com";
        var members = (await (await t.Client().GetAsync("/pricewatch/api/team/members")).Json()).AsArray();
        Assert.Equal("ghost@example.com", (string?)members.Single(m => (string?)m!["user_id"] == ghost.Id.ToString())!["email"]);
        Assert.Equal("ghost@example.com", await Pw.ScalarAsync<string>(api, "select email from pricewatch.users where id = @u", ("u", ghost.Id)));
    }
}
