using System.Security.Cryptography;
using Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Api.Infrastructure.Integrations.Sandbox;

/// <summary>
/// Local stand-ins for the outside services (Stripe, Shopify, Google Sheets, competitor storefronts), served by a second Kestrel
/// listener inside the API at <c>Sandbox:Url</c> (default <see cref="DefaultUrl"/>) so the real clients talk HTTP to them.
/// On by default in Development (<c>Sandbox:Enabled</c> overrides); Production refuses to start with it on. A service whose
/// credentials are configured keeps talking to the real service (<c>Sandbox:Stripe|Shopify|Google</c> = true/false overrides);
/// the others are pointed at the sandbox, by
/// configuration values added here (<c>Integrations:Stripe:*</c>, <c>Integrations:Shopify:BaseUrl</c>, <c>Integrations:Google:*</c>).
/// See docs/sandbox.md.
/// </summary>
public static class Sandbox
{
    public const string EnabledSetting = "Sandbox:Enabled";
    /// <summary>The one base URL of every sandbox (an outbound allow-list names this host).</summary>
    public const string UrlSetting = "Sandbox:Url";
    public const string DefaultUrl = "http://127.0.0.1:5081";
    public const string ServiceAccountEmail = "adpriority-sync@sandbox-project.iam.gserviceaccount.com";
    public const string SandboxStripeKey = "sk_test_sandbox";

    public static bool IsOn(IConfiguration config, IHostEnvironment env) => config.GetValue<bool?>(EnabledSetting) ?? env.IsDevelopment();

    public static string BaseUrl(IConfiguration config) => (config[UrlSetting] is { Length: > 0 } u ? u : DefaultUrl).TrimEnd('/');

    /// <summary>The sandbox's base URL when it runs in this process, else null (seeders use it for demo addresses).</summary>
    public static string? ActiveUrl(IConfiguration config, IHostEnvironment env) => IsOn(config, env) ? BaseUrl(config) : null;

    public static WebApplicationBuilder AddSandbox(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var env = builder.Environment;
        if (!IsOn(config, env)) return builder;
        if (env.IsProduction())
            throw new InvalidOperationException(
                $"{EnabledSetting} is on in Production. The sandbox stands in for Stripe, Shopify and Google and must never serve real users; remove the setting or run with ASPNETCORE_ENVIRONMENT=Development.");

        var url = BaseUrl(config);
        var set = new Dictionary<string, string?>();
        // each service: Sandbox:<Service> (true/false) decides, else it is sandboxed when its credentials are not configured
        bool Want(string service, bool unconfigured) => config.GetValue<bool?>($"Sandbox:{service}") ?? unconfigured;
        var stripe = Want("Stripe", string.IsNullOrEmpty(config["Integrations:Stripe:SecretKey"]));
        if (stripe)
        {
            if (string.IsNullOrEmpty(config["Integrations:Stripe:SecretKey"])) set["Integrations:Stripe:SecretKey"] = SandboxStripeKey;
            set["Integrations:Stripe:BaseUrl"] = url + StripeSandbox.Prefix;
            if (string.IsNullOrEmpty(config["Integrations:Stripe:WebhookSecret"]))
                set["Integrations:Stripe:WebhookSecret"] = "whsec_sandbox_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
            foreach (var plan in new[] { "pro", "enterprise" })
                if (string.IsNullOrEmpty(config[$"Integrations:Stripe:Prices:{plan}"])) set[$"Integrations:Stripe:Prices:{plan}"] = $"price_sandbox_{plan}";
        }
        var shopify = Want("Shopify", string.IsNullOrEmpty(config["Integrations:Shopify:BaseUrl"]) && string.IsNullOrEmpty(config[AdPriorityAuth.ApiKeySetting]));
        if (shopify)
        {
            set["Integrations:Shopify:BaseUrl"] = url + ShopifySandbox.Prefix + "/{shop}";
            set["Integrations:Shopify:AuthorizeBaseUrl"] = url + ShopifySandbox.Prefix + "/{shop}";
        }
        var google = Want("Google", string.IsNullOrEmpty(config["Integrations:Google:ServiceAccountEmail"]));
        RSA? key = null;
        if (google)
        {
            key = RSA.Create(2048);
            set["Integrations:Google:ServiceAccountEmail"] = ServiceAccountEmail;
            set["Integrations:Google:PrivateKey"] = key.ExportPkcs8PrivateKeyPem();
            set["Integrations:Google:TokenUrl"] = url + GoogleSandbox.Prefix + "/token";
            set["Integrations:Google:BaseUrl"] = url + GoogleSandbox.Prefix;
        }
        config.AddInMemoryCollection(set);

        var services = builder.Services;
        services.AddHttpClient(SandboxDelivery.ClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<SandboxDelivery>();
        services.AddSingleton(sp => new StripeSandbox(() => sp.GetRequiredService<IConfiguration>()["Integrations:Stripe:WebhookSecret"],
            sp.GetRequiredService<SandboxDelivery>()));
        services.AddSingleton(sp =>
        {
            var cfg = sp.GetRequiredService<IConfiguration>();
            var secrets = sp.GetRequiredService<Secrets>();
            return new ShopifySandbox(() => (AdPriorityAuth.ApiKey(cfg), secrets.Get(AdPriorityAuth.ApiSecretSetting)), sp.GetRequiredService<SandboxDelivery>());
        });
        services.AddSingleton(_ => new GoogleSandbox(ServiceAccountEmail, key ?? RSA.Create(2048)) { AutoCreateSheets = true });
        services.AddSingleton<StoresSandbox>();
        services.AddSingleton(new SandboxServices(url, stripe, shopify, google));
        services.AddHostedService<SandboxHost>();
        return builder;
    }
}

/// <summary>Which services this process sandboxes, and where.</summary>
public sealed record SandboxServices(string Url, bool Stripe, bool Shopify, bool Google);

/// <summary>
/// How a sandbox reaches the API (webhooks): HTTP through the named client <see cref="ClientName"/>, to <c>Sandbox:AppUrl</c>,
/// else the address the API listens on. Tests swap the client's handler for the in-process test server's.
/// </summary>
public sealed class SandboxDelivery(IHttpClientFactory http, IConfiguration config, IServiceProvider services)
{
    public const string ClientName = "Sandbox.Delivery";

    public string AppUrl
    {
        get
        {
            if (config["Sandbox:AppUrl"] is { Length: > 0 } configured) return configured.TrimEnd('/');
            var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses
                .FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? "http://localhost:5080";
            return address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal).TrimEnd('/');
        }
    }

    public async Task<int> PostAsync(string url, HttpContent content, IReadOnlyDictionary<string, string> headers, CancellationToken ct)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        foreach (var (k, v) in headers) req.Headers.TryAddWithoutValidation(k, v);
        try
        {
            using var rsp = await http.CreateClient(ClientName).SendAsync(req, ct);
            return (int)rsp.StatusCode;
        }
        catch (HttpRequestException) { return 0; }
    }
}

/// <summary>The second Kestrel listener that serves every sandbox at <see cref="SandboxServices.Url"/>.</summary>
public sealed class SandboxHost(SandboxServices o, StripeSandbox stripe, ShopifySandbox shopify, GoogleSandbox google, StoresSandbox stores,
    ILogger<SandboxHost> log) : IHostedService, IAsyncDisposable
{
    WebApplication? _app;

    /// <summary>A bare web app on <paramref name="url"/> (port 0 = any free port) with the given routes; started.</summary>
    public static async Task<WebApplication> StartAsync(string url, Action<IEndpointRouteBuilder> map, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync(ct);
        return app;
    }

    public static string AddressOf(WebApplication app) => app.Urls.First().TrimEnd('/');

    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            _app = await StartAsync(o.Url, r => { stripe.Map(r); shopify.Map(r); google.Map(r); stores.Map(r); r.MapGet("/", () => Results.Content(Index(), "text/html")); }, ct);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"The sandbox cannot listen on {o.Url} ({e.Message}). Set {Sandbox.UrlSetting} to a free address or {Sandbox.EnabledSetting}=false.", e);
        }
        log.LogInformation("Sandbox on {Url}: stripe {Stripe}, shopify {Shopify}, google {Google}, stores on (see docs/sandbox.md)",
            o.Url, o.Stripe ? "sandboxed" : "real", o.Shopify ? "sandboxed" : "real", o.Google ? "sandboxed" : "real");
    }

    string Index() => $"""
        <!doctype html><html><head><title>Slices sandbox</title></head><body style="font-family:sans-serif">
        <h1>Slices sandbox</h1><p>Local stand-ins for outside services (docs/sandbox.md).</p><ul>
        <li>Stripe: {(o.Stripe ? "sandboxed at /stripe" : "real Stripe (credentials configured)")}</li>
        <li>Shopify: {(o.Shopify ? "sandboxed at /shopify/&lt;shop&gt;" : "real Shopify (credentials configured)")}</li>
        <li>Google Sheets: {(o.Google ? "sandboxed at /google; rows at /google/sheets/&lt;id&gt;" : "real Google (credentials configured)")}</li>
        <li>Competitor storefronts: <a href="/stores/shop/packrightsupply/products.json">/stores/shop/&lt;name&gt;/products.json</a>,
            <a href="/stores/ld/jarworld/catalog">/stores/ld/&lt;name&gt;/catalog</a></li></ul></body></html>
        """;

    public async Task StopAsync(CancellationToken ct)
    {
        if (_app is not null) await _app.StopAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
