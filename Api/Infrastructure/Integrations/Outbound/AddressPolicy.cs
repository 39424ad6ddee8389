using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Api.Infrastructure.Integrations.Outbound;

/// <summary>
/// Which IP addresses an outbound fetch a user can steer may connect to: only globally reachable unicast. Refused are the
/// entries of the IANA special-purpose address registries that are not globally reachable (loopback, "this network",
/// private, shared/CGNAT, link-local, IETF protocol assignments, documentation, benchmarking, 6to4 relay, multicast,
/// reserved, broadcast; IPv6 unspecified, loopback, discard-only, IETF assignments incl. Teredo, documentation, SRv6, ULA,
/// link-local, site-local, multicast and everything outside 2000::/3), with the IPv4 address inside IPv4-mapped,
/// IPv4-compatible, NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses judged as IPv4, plus every address of this host's
/// own interfaces (a public address of the host reaches its own services).
/// </summary>
public static class AddressPolicy
{
    static readonly (IPNetwork Net, string What)[] V4 =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "\"this network\""),
        (IPNetwork.Parse("10.0.0.0/8"), "private"),
        (IPNetwork.Parse("100.64.0.0/10"), "shared address space (CGNAT)"),
        (IPNetwork.Parse("127.0.0.0/8"), "loopback"),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local (cloud metadata)"),
        (IPNetwork.Parse("172.16.0.0/12"), "private"),
        (IPNetwork.Parse("192.0.0.0/24"), "IETF protocol assignments"),
        (IPNetwork.Parse("192.0.2.0/24"), "documentation (TEST-NET-1)"),
        (IPNetwork.Parse("192.88.99.0/24"), "6to4 relay anycast (deprecated)"),
        (IPNetwork.Parse("192.168.0.0/16"), "private"),
        (IPNetwork.Parse("198.18.0.0/15"), "benchmarking"),
        (IPNetwork.Parse("198.51.100.0/24"), "documentation (TEST-NET-2)"),
        (IPNetwork.Parse("203.0.113.0/24"), "documentation (TEST-NET-3)"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast"),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved / broadcast"),
    ];

    static readonly (IPNetwork Net, string What)[] V6 =
    [
        (IPNetwork.Parse("::1/128"), "loopback"),
        (IPNetwork.Parse("::/128"), "unspecified"),
        (IPNetwork.Parse("64:ff9b:1::/48"), "local-use NAT64"),
        (IPNetwork.Parse("100::/64"), "discard-only"),
        (IPNetwork.Parse("2001:db8::/32"), "documentation"),
        (IPNetwork.Parse("2001::/23"), "IETF protocol assignments (incl. Teredo)"),
        (IPNetwork.Parse("3fff::/20"), "documentation"),
        (IPNetwork.Parse("5f00::/16"), "SRv6 SIDs"),
        (IPNetwork.Parse("fc00::/7"), "unique local"),
        (IPNetwork.Parse("fe80::/10"), "link-local"),
        (IPNetwork.Parse("fec0::/10"), "site-local (deprecated)"),
        (IPNetwork.Parse("ff00::/8"), "multicast"),
    ];

    static readonly IPNetwork GlobalUnicast = IPNetwork.Parse("2000::/3");
    static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    static readonly IPNetwork V4Compatible = IPNetwork.Parse("::/96");

    /// <summary>Why <paramref name="address"/> is not a public internet address, or null when it is.</summary>
    public static string? SpecialPurpose(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.IsIPv4MappedToIPv6) return V4Reason(address.MapToIPv4(), "IPv4-mapped ");
            var b = address.GetAddressBytes();
            if (Nat64.Contains(address)) return V4Reason(new IPAddress(b.AsSpan(12, 4)), "NAT64 ");
            if (SixToFour.Contains(address)) return V4Reason(new IPAddress(b.AsSpan(2, 4)), "6to4 ");
            var unscoped = new IPAddress(b);   // IPNetwork.Contains ignores scope ids, but be explicit
            foreach (var (net, what) in V6)
                if (net.Contains(unscoped)) return what;
            if (V4Compatible.Contains(unscoped)) return "IPv4-compatible (deprecated)";
            if (!GlobalUnicast.Contains(unscoped)) return "reserved (outside 2000::/3)";
            return null;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork) return V4Reason(address, "");
        return "not an IP address";
    }

    static string? V4Reason(IPAddress v4, string prefix)
    {
        foreach (var (net, what) in V4)
            if (net.Contains(v4)) return prefix + what;
        return null;
    }

    sealed record Own(DateTime At, HashSet<IPAddress> Set);
    static volatile Own _own = new(DateTime.MinValue, []);   // replaced whole, so readers never see half an update

    /// <summary>Every unicast address of this host's interfaces (refreshed every 30 s; interfaces come and go).</summary>
    public static IReadOnlySet<IPAddress> OwnAddresses
    {
        get
        {
            var own = _own;
            if (DateTime.UtcNow - own.At < TimeSpan.FromSeconds(30)) return own.Set;
            var set = new HashSet<IPAddress>();
            try
            {
                foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
                    foreach (var u in nic.GetIPProperties().UnicastAddresses)
                        set.Add(Normalize(u.Address));
            }
            catch (NetworkInformationException) { }
            _own = new Own(DateTime.UtcNow, set);
            return set;
        }
    }

    /// <summary>Without the IPv6 scope id, IPv4-mapped addresses as IPv4.</summary>
    public static IPAddress Normalize(IPAddress a) =>
        a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a.AddressFamily == AddressFamily.InterNetworkV6 ? new IPAddress(a.GetAddressBytes()) : a;
}
