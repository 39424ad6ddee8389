using System.Collections.Concurrent;
using Api.Infrastructure.Integrations.Sandbox;

namespace Api.Tests.Features.PriceWatch.Scraping;

/// <summary>The competitor-storefront sandbox (<see cref="StoresSandbox"/>) on its own 127.0.0.1 port.</summary>
public sealed class FakeStores
{
    public StoresSandbox Sandbox { get; } = new();
    /// <summary>The storefronts' root (<c>…/stores</c>).</summary>
    public string Url { get; }
    /// <summary>store name → products (title, price); prices can change between scrapes.</summary>
    public ConcurrentDictionary<string, List<(string Title, decimal Price)>> Shopify => Sandbox.Shopify;
    /// <summary>store name → page after which /products.json answers 500.</summary>
    public ConcurrentDictionary<string, int> BreakAfterPage => Sandbox.BreakAfterPage;
    public ConcurrentDictionary<string, int> Hits => Sandbox.Hits;

    public FakeStores()
    {
        var app = SandboxHost.StartAsync("http://127.0.0.1:0", Sandbox.Map).GetAwaiter().GetResult();
        Url = SandboxHost.AddressOf(app) + StoresSandbox.Prefix;
    }
}
