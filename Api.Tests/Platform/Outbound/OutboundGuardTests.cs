using System.Net;
using Api.Infrastructure.Integrations.Outbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Api.Tests.Platform.Outbound;

/// <summary>The guarded fetcher itself, against an "internal service" on this machine: each attack of issue 17 §2.</summary>
public sealed class OutboundGuardTests : IAsyncLifetime
{
    readonly FakeTarget _target = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _target.DisposeAsync();

    static ServiceProvider Services(string environment = "Testing", params string[] allowed)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(
            allowed.Select((a, i) => new KeyValuePair<string, string?>($"Outbound:AllowedPrivateHosts:{i}", a))
                .Append(new("Outbound:TimeoutSeconds", "5"))).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddSingleton<IHostEnvironment>(new Env { EnvironmentName = environment });
        services.AddLogging();
        services.AddOutboundGuard();
        return services.BuildServiceProvider();
    }

    sealed class Env : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "";
        public string ApplicationName { get; set; } = "test";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    async Task<Exception> Refused(GuardedHttp http, string url)
    {
        var e = await Assert.ThrowsAsync<OutboundRefusedException>(() => http.GetAsync(new Uri(url), CancellationToken.None));
        Assert.Empty(_target.Requests);   // nothing reached the internal service
        return e;
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/products.json")]
    [InlineData("http://2130706433:{port}/products.json")]          // decimal form of 127.0.0.1
    [InlineData("http://0x7f.1:{port}/products.json")]              // hex/short form
    [InlineData("http://[::1]:{port}/products.json")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/products.json")]  // IPv4-mapped IPv6
    [InlineData("http://localhost:{port}/products.json")]
    [InlineData("http://0.0.0.0:{port}/products.json")]             // "this network" reaches local services on Linux
    public async Task Loopback_in_every_spelling_is_refused(string url)
    {
        using var sp = Services();
        var e = await Refused(sp.GetRequiredService<GuardedHttp>(), url.Replace("{port}", _target.Port.ToString()));
        Assert.Contains("not a public address", e.Message);
    }

    [Fact]
    public async Task The_machines_own_interface_address_is_refused()
    {
        var own = FakeTarget.OwnInterfaceAddress();
        if (own is null) return;   // no non-loopback IPv4 interface on this machine
        using var sp = Services();
        await Refused(sp.GetRequiredService<GuardedHttp>(), $"http://{own}:{_target.Port}/img.png");
        Assert.All(AddressPolicy.OwnAddresses, a => Assert.NotNull(sp.GetRequiredService<OutboundGuard>().Refusal(a)));
    }

    [Fact]
    public async Task A_redirect_to_loopback_is_refused_at_the_hop()
    {
        using var sp = Services("Testing", "127.0.0.2");   // the redirecting "public" server is allowed, its target is not
        _target.RedirectTo = $"http://127.0.0.1:{_target.Port}/latest/meta-data";
        var e = await Refused(sp.GetRequiredService<GuardedHttp>(), $"http://127.0.0.2:{_target.RedirectorPort}/start");
        Assert.Contains("127.0.0.1", e.Message);
    }

    [Fact]
    public async Task The_metadata_address_is_refused_without_connecting()
    {
        using var sp = Services();
        var e = await Assert.ThrowsAsync<OutboundRefusedException>(() =>
            sp.GetRequiredService<GuardedHttp>().GetAsync(new Uri("http://169.254.169.254/latest/meta-data"), CancellationToken.None));
        Assert.Contains("link-local", e.Message);
        Assert.NotNull(await sp.GetRequiredService<OutboundGuard>().CheckUrlAsync("http://169.254.169.254/latest/meta-data", CancellationToken.None));
    }

    [Fact]
    public async Task The_allow_list_lets_tests_reach_loopback_and_caps_the_body()
    {
        using var sp = Services("Testing", "127.0.0.1");
        var http = sp.GetRequiredService<GuardedHttp>();
        var ok = await http.GetAsync(new Uri($"http://127.0.0.1:{_target.Port}/products.json"), CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Contains("internal secret", ok.Text);
        await Assert.ThrowsAsync<OutboundRefusedException>(() =>
            http.GetAsync(new Uri($"http://127.0.0.1:{_target.Port}/products.json"), CancellationToken.None, limits: new GuardedLimits(MaxBytes: 10)));
        // [::1] is not on the list
        await Assert.ThrowsAsync<OutboundRefusedException>(() => http.GetAsync(new Uri($"http://[::1]:{_target.Port}/"), CancellationToken.None));
    }

    [Fact]
    public void Production_refuses_the_allow_list_at_start_up()
    {
        using var prod = Services("Production", "127.0.0.1");
        var e = Assert.Throws<OptionsValidationException>(() => prod.GetRequiredService<IOptions<OutboundOptions>>().Value);
        Assert.Contains("Production", e.Message);
        using var clean = Services("Production");
        Assert.Empty(clean.GetRequiredService<IOptions<OutboundOptions>>().Value.AllowedPrivateHosts);
    }

    [Theory]
    [InlineData("127.0.0.1")] [InlineData("10.1.2.3")] [InlineData("172.16.0.1")] [InlineData("192.168.1.1")] [InlineData("100.64.0.1")]
    [InlineData("169.254.169.254")] [InlineData("0.0.0.0")] [InlineData("192.0.0.8")] [InlineData("192.0.2.2")] [InlineData("198.51.100.7")]
    [InlineData("203.0.113.9")] [InlineData("198.18.0.1")] [InlineData("192.88.99.1")] [InlineData("224.0.0.1")] [InlineData("240.0.0.1")]
    [InlineData("255.255.255.255")] [InlineData("::")] [InlineData("::1")] [InlineData("::ffff:127.0.0.1")] [InlineData("::ffff:169.254.169.254")]
    [InlineData("::127.0.0.1")] [InlineData("64:ff9b::7f00:1")] [InlineData("64:ff9b::a9fe:a9fe")] [InlineData("64:ff9b:1::1")]
    [InlineData("2002:7f00:1::1")] [InlineData("2001::1")] [InlineData("2001:db8::1")] [InlineData("3fff::1")] [InlineData("100::1")]
    [InlineData("fc00::1")] [InlineData("fd00:ec2::254")] [InlineData("fe80::1")] [InlineData("fec0::1")] [InlineData("ff02::1")] [InlineData("5f00::1")]
    [InlineData("4000::1")]
    public void Special_purpose_addresses_are_not_public(string address) =>
        Assert.NotNull(AddressPolicy.SpecialPurpose(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")] [InlineData("1.1.1.1")] [InlineData("93.184.216.34")] [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")] [InlineData("64:ff9b::808:808")] [InlineData("2002:808:808::1")]
    public void Public_addresses_pass(string address) => Assert.Null(AddressPolicy.SpecialPurpose(IPAddress.Parse(address)));
}
