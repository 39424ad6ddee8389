using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Api.Tests.Features.PriceWatch.Matching;

/// <summary>
/// A fake OpenAI-compatible server on 127.0.0.1. The first path segment chooses its behaviour and isolates callers:
/// <c>{mode}-{anything}/v1/...</c> with mode <c>ok</c>, <c>500</c>, <c>429</c>, <c>garbage</c> (a body that is not JSON),
/// <c>prose</c> (chat content without JSON), <c>slow</c> (answers after 3 s), <c>flaky</c> (500 once, then ok) and
/// <c>byname</c> (500 when the request mentions "Kraft", else ok). <see cref="Calls"/> counts requests per prefix.
/// Chat verdicts: "same" unless one listing says glass and the other plastic. Embeddings: 8 dimensions.
/// </summary>
public static class FakeOpenAi
{
    public static readonly ConcurrentDictionary<string, int> Calls = new();

    public static readonly Lazy<string> Url = new(() =>
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/{prefix}/v1/{**op}", async (HttpContext ctx, string prefix, string op) =>
        {
            var n = Calls.AddOrUpdate(prefix, 1, (_, c) => c + 1);
            var mode = prefix.Split('-')[0];
            var body = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
            switch (mode)
            {
                case "500": return Results.StatusCode(500);
                case "429": return Results.StatusCode(429);
                case "flaky" when n == 1: return Results.StatusCode(503);
                case "byname" when body.Contains("Kraft", StringComparison.Ordinal): return Results.StatusCode(500);
                case "garbage": return Results.Text("<html>upstream error</html>", "application/json");
                case "slow": await Task.Delay(3000, ctx.RequestAborted); break;
            }
            using var doc = JsonDocument.Parse(body);
            if (op == "embeddings")
            {
                var inputs = doc.RootElement.GetProperty("input").EnumerateArray().Select(e => e.GetString()!).ToList();
                return Results.Json(new { data = inputs.Select((s, i) => new { index = i, embedding = Enumerable.Range(0, 8).Select(d => (float)((s.Length + d) % 5) / 5).ToArray() }) });
            }
            var messages = doc.RootElement.GetProperty("messages").EnumerateArray().ToList();
            var user = messages[^1].GetProperty("content").GetString()!;
            var system = messages[0].GetProperty("content").GetString()!;
            string content;
            if (mode == "prose") content = "I believe these are probably the same product.";
            else if (system.Contains("Extract product attributes", StringComparison.Ordinal))
                content = "```json\n{\"category\": \"mylar bags\", \"material\": \"Kraft\", \"color\": \"ultraviolet\", \"owner_id\": \"x\"}\n```";
            else
            {
                var lines = user.Split('\n');
                var a = lines.First(l => l.StartsWith("Listing A:", StringComparison.Ordinal)).ToLowerInvariant();
                var b = lines.First(l => l.StartsWith("Listing B:", StringComparison.Ordinal)).ToLowerInvariant();
                var conflict = (a.Contains("glass") && b.Contains("plastic")) || (a.Contains("plastic") && b.Contains("glass"));
                content = conflict ? "{\"same\": false, \"confidence\": 0.1}" : "{\"same\": true, \"confidence\": 93}";
            }
            return Results.Json(new { choices = new[] { new { message = new { role = "assistant", content } } } });
        });
        app.StartAsync().GetAwaiter().GetResult();
        return app.Urls.First();
    });

    /// <summary>A base URL with a fresh prefix for <paramref name="mode"/>.</summary>
    public static string BaseUrl(string mode, out string prefix)
    {
        prefix = $"{mode}-{Guid.NewGuid():N}";
        return $"{Url.Value}/{prefix}/v1";
    }
}
