using System.Collections.Concurrent;
using Api.Infrastructure.Integrations.Sandbox;

namespace Api.Tests.Features.PriceWatch.Billing;

/// <summary>The Stripe sandbox (<see cref="StripeSandbox"/>, what a new user's API talks to) on its own 127.0.0.1 port, driven through the real Stripe.net client.</summary>
public sealed class FakeStripe
{
    public const string WebhookSecret = "whsec_test_pricewatch_0123456789";
    public StripeSandbox Sandbox { get; } = new(() => WebhookSecret);
    /// <summary>The API base (<c>Integrations:Stripe:BaseUrl</c>).</summary>
    public string Url { get; }
    public ConcurrentQueue<(string Path, Dictionary<string, string> Form)> Requests => Sandbox.Requests;
    public ConcurrentDictionary<string, StripeSubscription> Subscriptions => Sandbox.Subscriptions;
    public bool Fail { get => Sandbox.Fail; set => Sandbox.Fail = value; }

    public FakeStripe()
    {
        var app = SandboxHost.StartAsync("http://127.0.0.1:0", Sandbox.Map).GetAwaiter().GetResult();
        Url = SandboxHost.AddressOf(app) + StripeSandbox.Prefix;
    }

    /// <summary>A signed delivery, as Stripe sends it.</summary>
    public static (string Body, string Signature) Event(string id, string type, object dataObject, long? timestamp = null, string secret = WebhookSecret) =>
        StripeSandbox.Sign(id, type, dataObject, secret, timestamp);
}
