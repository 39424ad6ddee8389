using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Api.Infrastructure.Integrations.Outbound;

/// <summary>
/// <c>Outbound</c>: limits of fetches a user can steer. <see cref="AllowedPrivateHosts"/> lists the only non-public
/// destinations allowed: IP addresses, CIDR prefixes (<c>127.0.0.0/8</c>) or host names. Tests and the local sandbox set
/// it (fake servers on 127.0.0.1); start-up refuses it in Production.
/// </summary>
public sealed class OutboundOptions
{
    public const string Section = "Outbound";
    public string[] AllowedPrivateHosts { get; set; } = [];
    public long MaxResponseBytes { get; set; } = 10 * 1024 * 1024;
    public double TimeoutSeconds { get; set; } = 30;
    public double ConnectTimeoutSeconds { get; set; } = 5;
    public int MaxRedirects { get; set; } = 5;
}

/// <summary>An outbound request the guard refused or cut short; <see cref="HttpRequestException"/> so callers' network catches see it.</summary>
public sealed class OutboundRefusedException(string message) : HttpRequestException(message);

/// <summary>
/// The connect step every user-steerable fetch goes through (<see cref="SocketsHttpHandler.ConnectCallback"/>): resolves
/// the host once, refuses when any resolved address is not public (<see cref="AddressPolicy"/>) or is one of this host's
/// own, and connects to the checked address itself, so a second DNS answer (rebinding) never reaches a socket.
/// </summary>
public sealed class OutboundGuard
{
    readonly OutboundOptions _o;
    readonly IPNetwork[] _allowedNets;
    readonly HashSet<string> _allowedNames;

    public OutboundGuard(IOptions<OutboundOptions> options)
    {
        _o = options.Value;
        var nets = new List<IPNetwork>();
        _allowedNames = new(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in _o.AllowedPrivateHosts.Select(h => h.Trim()).Where(h => h.Length > 0))
        {
            if (IPNetwork.TryParse(raw, out var net)) nets.Add(net);
            else if (IPAddress.TryParse(raw.Trim('[', ']'), out var ip)) nets.Add(new IPNetwork(AddressPolicy.Normalize(ip), ip.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            else _allowedNames.Add(raw.TrimEnd('.'));
        }
        _allowedNets = [.. nets];
    }

    public OutboundOptions Options => _o;

    /// <summary>Why a connection to <paramref name="address"/> (reached through <paramref name="host"/>) is refused, or null.</summary>
    public string? Refusal(IPAddress address, string? host = null)
    {
        var a = AddressPolicy.Normalize(address);
        if (host is not null && _allowedNames.Contains(host.TrimEnd('.'))) return null;
        foreach (var net in _allowedNets)
            if (net.Contains(a)) return null;
        if (AddressPolicy.SpecialPurpose(a) is { } why) return $"{a} is not a public address ({why})";
        if (AddressPolicy.OwnAddresses.Contains(a)) return $"{a} is an address of this host";
        return null;
    }

    /// <summary>A primary handler for <c>HttpClient</c>s that reach user-given hosts: guarded connect, no proxy, no automatic redirects.</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.All,
        ConnectTimeout = TimeSpan.FromSeconds(_o.ConnectTimeoutSeconds),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        MaxConnectionsPerServer = 8,
        ConnectCallback = ConnectAsync,
    };

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext ctx, CancellationToken ct)
    {
        var host = ctx.DnsEndPoint.Host.Trim('[', ']');
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal)) addresses = [literal];
        else
        {
            try { addresses = await Dns.GetHostAddressesAsync(host, ct); }
            catch (SocketException) { throw new OutboundRefusedException($"{host} did not resolve"); }
        }
        if (addresses.Length == 0) throw new OutboundRefusedException($"{host} did not resolve");
        // every answer must pass: a name that also points inside is refused even if a public address comes first
        foreach (var a in addresses)
            if (Refusal(a, host) is { } why) throw new OutboundRefusedException($"refused to connect to {host}: {why}");
        Exception? last = null;
        foreach (var a in addresses)
        {
            var socket = new Socket(a.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(a, ctx.DnsEndPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e) { socket.Dispose(); last = e; }
            catch { socket.Dispose(); throw; }
        }
        throw last ?? new OutboundRefusedException($"could not connect to {host}");
    }

    /// <summary>
    /// Save-time check of a URL a user gives (competitor, store, image): absolute http(s), no credentials, and a host that
    /// is not a non-public literal address, not <c>localhost</c>, and (when it resolves within <paramref name="resolveTimeout"/>)
    /// does not resolve to a refused address. A name that does not resolve now passes; the fetch is guarded again.
    /// Returns why the URL is refused, or null.
    /// </summary>
    public async Task<string?> CheckUrlAsync(string? url, CancellationToken ct, TimeSpan? resolveTimeout = null)
    {
        if (CheckUrlSyntax(url, out var uri) is { } bad) return bad;
        var host = uri!.IdnHost.Trim('[', ']');
        if (IPAddress.TryParse(host, out _) || _allowedNames.Contains(host.TrimEnd('.'))) return null;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(resolveTimeout ?? TimeSpan.FromSeconds(2));
        try
        {
            foreach (var a in await Dns.GetHostAddressesAsync(host, cts.Token))
                if (Refusal(a, host) is not null) return "the URL's host resolves to an address that is not public";
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !ct.IsCancellationRequested) { }
        return null;
    }

    /// <summary>The DNS-free part of <see cref="CheckUrlAsync"/>.</summary>
    public string? CheckUrlSyntax(string? url, out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var u)) return "must be an absolute http(s) URL";
        if (u.Scheme is not ("http" or "https")) return "must be an http(s) URL";
        if (!string.IsNullOrEmpty(u.UserInfo)) return "must not contain credentials";
        uri = u;
        var host = u.IdnHost.Trim('[', ']').TrimEnd('.');
        if (host.Length == 0) return "must name a host";
        if (_allowedNames.Contains(host)) return null;
        if (IPAddress.TryParse(host, out var ip))   // Uri has already turned decimal, octal and hex IPv4 forms into dotted quads
            return Refusal(ip) is null ? null : "must not point to a private, loopback or reserved address";
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return "must not point to this host";
        return null;
    }
}
