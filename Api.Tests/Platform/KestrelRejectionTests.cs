using System.Net.Sockets;
using System.Text;
using Api.Tests.Infrastructure;

namespace Api.Tests.Platform;

/// <summary>The API on a real Kestrel socket (not the in-memory test server), for malformed HTTP only Kestrel sees.</summary>
public sealed class KestrelFactory : ApiFactory
{
    public KestrelFactory() => UseKestrel(0);
}

/// <summary>Issue 17 §3: Kestrel's own rejections answer with the module's envelope wherever the application can still write a body.</summary>
public sealed class KestrelRejectionTests(KestrelFactory api) : IClassFixture<KestrelFactory>
{
    async Task<string> RawAsync(string request)
    {
        var address = api.CreateClient().BaseAddress!;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            int n;
            while ((n = await stream.ReadAsync(chunk, timeout.Token)) > 0)
            {
                buffer.Write(chunk, 0, n);
                var text = Encoding.UTF8.GetString(buffer.ToArray());
                var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (end > 0 && ContentLength(text[..end]) is { } length && Encoding.UTF8.GetByteCount(text[(end + 4)..]) >= length) break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException) { }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    static int? ContentLength(string head) => head.Split("\r\n").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
        .Select(p => (int?)int.Parse(p[1].Trim())).FirstOrDefault();

    string Head(string method, string path, string extra) =>
        $"{method} {path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {ApiFactory.PlatformToken(Guid.NewGuid())}\r\nContent-Type: application/json\r\n{extra}Connection: close\r\n\r\n";

    [Fact]
    public async Task A_bad_chunk_size_is_400_in_the_envelope()
    {
        var rsp = await RawAsync(Head("PUT", "/platform/v1/settings/chunky", "Transfer-Encoding: chunked\r\n") + "ZZZZ\r\n{\"value\": 1}\r\n0\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 400", rsp);
        Assert.Contains("application/problem+json", rsp);
        Assert.Contains("\"status\":400", rsp);
    }

    [Fact]
    public async Task A_declared_body_over_the_route_limit_is_413_in_the_envelope()
    {
        var rsp = await RawAsync(Head("PUT", "/platform/v1/settings/big", "Content-Length: 10000000\r\n"));
        Assert.StartsWith("HTTP/1.1 413", rsp);
        Assert.Contains("\"status\":413", rsp);
    }

    [Fact]
    public async Task An_unknown_http_version_is_refused_by_kestrel()
    {
        var rsp = await RawAsync("GET /platform/v1/settings HTTP/9.9\r\nHost: localhost\r\n\r\n");
        Assert.Matches("^HTTP/1.1 (400|505)", rsp);   // Kestrel answers before the application runs: no body can be added there
    }
}
