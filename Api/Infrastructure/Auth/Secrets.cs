using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Api.Infrastructure.Auth;

/// <summary>
/// Signing keys and other secrets: from configuration (<c>Auth:&lt;Name&gt;:SigningKey</c>, environment, user secrets),
/// else a random development value generated once into <c>.data/dev-secrets.json</c> (mode 600) so the API and the
/// <c>token</c> command agree on a fresh machine. Values are never logged.
/// </summary>
public sealed class Secrets(IConfiguration config, IHostEnvironment env, ILogger<Secrets> log)
{
    static readonly Lock Gate = new();
    readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _generated = new();

    public string Get(string configKey)
    {
        if (config[configKey] is { Length: > 0 } configured) return configured;
        return _generated.TryGetValue(configKey, out var known) ? known : _generated[configKey] = FromDevFile(configKey);
    }

    string FromDevFile(string configKey)
    {
        var file = Path.Combine(env.ContentRootPath, ".data", "dev-secrets.json");
        lock (Gate)
        {
            var doc = File.Exists(file) ? JsonNode.Parse(File.ReadAllText(file))!.AsObject() : new JsonObject();
            if (doc[configKey]?.GetValue<string>() is { Length: > 0 } existing) return existing;
            var value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
            doc[configKey] = value;
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            log.LogWarning("{Key} is not configured; generated a development value in {File}", configKey, file);
            return value;
        }
    }
}
