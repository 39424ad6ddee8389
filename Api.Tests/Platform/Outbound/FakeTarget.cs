using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Platform.Outbound;

/// <summary>
/// An "internal service" an attacker wants the API to reach: listens on every address (IPv6 any, dual-stack, so 127.0.0.1,
/// [::1] and the machine's own interface addresses all reach it) and counts the requests it got. <see cref="Redirector"/>
/// listens on 127.0.0.2 only and redirects every request to <see cref="RedirectTo"/>.
/// </summary>
public sealed class FakeTarget : IAsyncDisposable
{
    readonly WebApplication _app, _redirector;
    public int Port { get; }
    public int RedirectorPort { get; }
    public ConcurrentQueue<string> Requests { get; } = new();
    public string RedirectTo { get; set; } = "";

    public FakeTarget()
    {
        var b = WebApplication.CreateSlimBuilder();
        b.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.IPv6Any, 0));
        _app = b.Build();
        _app.Run(async ctx =>
        {
            Requests.Enqueue(ctx.Request.Path + ctx.Request.QueryString);
            ctx.Response.ContentType = ctx.Request.Path.Value!.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "application/json";
            await ctx.Response.WriteAsync("""{"products":[{"id":1,"title":"internal secret","variants":[{"id":2,"title":"Default Title","price":"1.00"}]}]}""");
        });
        _app.StartAsync().GetAwaiter().GetResult();
        Port = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "localhost")).Port;

        var r = WebApplication.CreateSlimBuilder();
        r.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Parse("127.0.0.2"), 0));
        _redirector = r.Build();
        _redirector.Run(ctx => { ctx.Response.Redirect(RedirectTo); return Task.CompletedTask; });
        _redirector.StartAsync().GetAwaiter().GetResult();
        RedirectorPort = new Uri(_redirector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
    }

    /// <summary>A non-loopback address of one of this machine's interfaces (what the attack run saw as 192.0.2.2), if any.</summary>
    public static IPAddress? OwnInterfaceAddress() =>
        System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == System.Net.NetworkInformation.OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(u => u.Address)
            .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _redirector.DisposeAsync();
    }
}
