using System.Collections.Concurrent;
using System.Security.Cryptography;
using Api.Infrastructure.Integrations.Sandbox;
using Microsoft.AspNetCore.Builder;

namespace Api.Tests.Features.AdPriority;

/// <summary>
/// The Google sandbox (<see cref="GoogleSandbox"/>: token endpoint and Sheets v4 values API) on its own 127.0.0.1 port, with one
/// sheet shared with the service account (<see cref="SharedSheet"/>); any other sheet answers 403.
/// </summary>
public sealed class FakeGoogle : IAsyncDisposable
{
    public const string Email = "adpriority-sync@test-project.iam.gserviceaccount.com";
    public const string SharedSheet = "1SharedSheet0000000000000000000000000000000";
    public const string PrivateSheet = "1PrivateSheet000000000000000000000000000000";
    readonly WebApplication _app;
    readonly RSA _key = RSA.Create(2048);
    public GoogleSandbox Sandbox { get; }
    public string PrivateKeyPem { get; }
    /// <summary><c>Integrations:Google:BaseUrl</c>.</summary>
    public string BaseUrl { get; }
    public string TokenUrl => BaseUrl + "/token";
    public ConcurrentDictionary<string, List<List<string>>> Sheets => Sandbox.Sheets;
    public ConcurrentQueue<string> Requests => Sandbox.Requests;
    public int TokensIssued => Sandbox.TokensIssued;

    public FakeGoogle()
    {
        PrivateKeyPem = _key.ExportPkcs8PrivateKeyPem();
        Sandbox = new GoogleSandbox(Email, _key) { AutoCreateSheets = false };
        Sandbox.Sheets[SharedSheet] = [];
        _app = SandboxHost.StartAsync("http://127.0.0.1:0", Sandbox.Map).GetAwaiter().GetResult();
        BaseUrl = SandboxHost.AddressOf(_app) + GoogleSandbox.Prefix;
    }

    public async ValueTask DisposeAsync() { await _app.DisposeAsync(); _key.Dispose(); }

    /// <summary>A service-account assertion signed by hand (header {alg: RS256, typ: JWT}; iss, scope, aud, iat, exp), to
    /// test the fake token endpoint itself; the API gets its tokens through Google.Apis.Auth.</summary>
    public static string BuildAssertion(string email, string pem, string audience, string scope, DateTimeOffset now)
    {
        static string B64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = B64(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT" }));
        var iat = now.ToUnixTimeSeconds();
        var claims = B64(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { iss = email, scope, aud = audience, iat, exp = iat + 3600 }));
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        var sig = rsa.SignData(System.Text.Encoding.ASCII.GetBytes($"{header}.{claims}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{claims}.{B64(sig)}";
    }
}

/// <summary>AdPriority with Google pointed at a <see cref="FakeGoogle"/> and its service account configured.</summary>
public sealed class GoogleBackedApi : AdPriorityApi
{
    public FakeGoogle Google { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Integrations:Google:TokenUrl"] = Google.TokenUrl,
        ["Integrations:Google:BaseUrl"] = Google.BaseUrl,
        ["Integrations:Google:ServiceAccountEmail"] = FakeGoogle.Email,
        ["Integrations:Google:PrivateKey"] = Google.PrivateKeyPem,
        ["AdPriority:AppUrl"] = "https://app.adpriority.test",
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Google.DisposeAsync();
    }
}
