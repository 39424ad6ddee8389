using System.Globalization;
using System.Text;
using System.Text.Json;
using Api.Infrastructure.Integrations.OpenAi;
using Microsoft.Extensions.Options;

namespace Api.Features.PriceWatch.Common.Matching;

/// <summary>
/// Calls to the OpenAI-compatible server for one job run: one retry on a transient failure (429, 5xx, unreachable,
/// timeout), then the caller falls back to the local engine for that item. After <see cref="BreakerThreshold"/> consecutive
/// failed items the run stops asking the server (every remaining item goes local at once instead of waiting for timeouts).
/// Counts what was decided where, for the session's <c>engine</c> and <c>message</c>.
/// </summary>
sealed class RemoteRun(string remote, string local, TimeSpan retryDelay, string fallback = "local fallback")
{
    public const int BreakerThreshold = 3;
    int _remote, _local, _consecutive;
    string? _reason;

    public bool Open => _consecutive >= BreakerThreshold;

    /// <summary>The remote answer, or null after a retry (when transient) when the item must fall back.</summary>
    public async Task<T?> TryAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken ct, int items = 1) where T : class
    {
        if (Open) { Fallback(null, items); return null; }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await call(ct);
                _remote += items;
                _consecutive = 0;
                return result;
            }
            catch (Exception e) when (e is OpenAiException or OperationCanceledException && !ct.IsCancellationRequested)
            {
                var transient = e is OpenAiException { Transient: true } or OperationCanceledException;
                if (transient && attempt == 1) { await Task.Delay(retryDelay, ct); continue; }
                _consecutive++;
                Fallback(e is OpenAiException ? e.Message : "OpenAI-compatible server timed out", items);
                return null;
            }
        }
    }

    void Fallback(string? reason, int items)
    {
        _local += items;
        _reason ??= reason;
    }

    public int RemoteCount => _remote;
    public int LocalCount => _local;

    public string Engine => _local == 0 ? remote
        : _remote == 0 ? $"{local} ({fallback} for every item; {remote} failed)"
        : $"{remote}; {fallback} for {_local} of {_remote + _local} items: {local}";

    public string? Note => _local == 0 ? null
        : $"{fallback}: {_reason ?? "OpenAI-compatible server failed"}; {_local} of {_remote + _local} items decided by the {local}"
          + (Open ? $" (stopped calling the server after {BreakerThreshold} consecutive failures)" : "");

    /// <summary>The JSON object in a chat answer (models sometimes wrap it in prose or a code fence).</summary>
    public static JsonElement JsonObject(string answer)
    {
        var start = answer.IndexOf('{');
        var end = answer.LastIndexOf('}');
        if (start < 0 || end <= start) throw new OpenAiException("Chat answer held no JSON object");
        try
        {
            using var doc = JsonDocument.Parse(answer.AsMemory(start, end - start + 1));
            return doc.RootElement.Clone();
        }
        catch (JsonException) { throw new OpenAiException("Chat answer held malformed JSON"); }
    }
}

/// <summary>Configuration shared by the remote engines (<c>PriceWatch:Ai:RetryDelayMs</c>, default 500).</summary>
static class RemoteSettings
{
    public static TimeSpan RetryDelay(IConfiguration config) =>
        TimeSpan.FromMilliseconds(config.GetValue("PriceWatch:Ai:RetryDelayMs", 500));
}

/// <summary>Match verification through the chat endpoint; per item local fallback to <see cref="LocalRuleVerifier"/>.</summary>
sealed class OpenAiVerifier(OpenAiClient client, LocalRuleVerifier local, IConfiguration config, IOptions<OpenAiOptions> options) : IMatchVerifier
{
    readonly RemoteRun _run = new($"OpenAI-compatible chat verifier ({options.Value.ChatModel})", local.Engine, RemoteSettings.RetryDelay(config));

    public string Engine => _run.Engine;
    public string? Note => _run.Note;

    public const string System = """
        You decide whether two e-commerce listings are the same product: the same item, material, colour, size and variant
        (pack quantity may differ only when the listings state it). Answer with JSON only: {"same": true or false, "confidence": 0-100}.
        """;

    public async Task<(bool Same, double Confidence)> VerifyAsync(Prepared a, Prepared b, double fuzzy, MatchProfile profile, CancellationToken ct)
    {
        var user = new StringBuilder()
            .Append("Listing A: ").AppendLine(a.Item.Name)
            .Append("Listing B: ").AppendLine(b.Item.Name)
            .Append("Fuzzy name similarity: ").Append(fuzzy.ToString("0", CultureInfo.InvariantCulture)).AppendLine("%");
        if (profile.AiRules.Count > 0) user.AppendLine("Industry rules:").AppendJoin('\n', profile.AiRules.Select(r => "- " + r)).AppendLine();
        var verdict = await _run.TryAsync(async c => Parse(await client.ChatAsync(System, user.ToString(), c)), ct);
        return verdict is { } v ? (v.Same, v.Confidence) : await local.VerifyAsync(a, b, fuzzy, profile, ct);
    }

    sealed record Verdict(bool Same, double Confidence);

    static Verdict Parse(string answer)
    {
        var o = RemoteRun.JsonObject(answer);
        if (!o.TryGetProperty("same", out var same) || same.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            throw new OpenAiException("Chat answer had no boolean \"same\"");
        var confidence = o.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : same.GetBoolean() ? 80 : 20;
        if (confidence is > 0 and <= 1) confidence *= 100;   // some models answer 0-1
        return new Verdict(same.GetBoolean(), Math.Round(Math.Clamp(confidence, 0, 100), 2));
    }
}

/// <summary>
/// Embeddings through the embeddings endpoint, one request per batch. A failed batch is NOT replaced by local vectors:
/// feature-hashing vectors live in another space (and length) than the model's, and mixing them in one column would make
/// similarity meaningless; those rows stay without an embedding for the next run, and the session says so.
/// </summary>
sealed class OpenAiEmbedder(OpenAiClient client, IConfiguration config, IOptions<OpenAiOptions> options) : IEmbedder
{
    readonly RemoteRun _run = new($"OpenAI-compatible embeddings ({options.Value.EmbeddingModel})", "next run (rows left without an embedding)",
        RemoteSettings.RetryDelay(config), "no local fallback for embeddings, local vectors are not comparable with the model's");

    public string Engine => _run.Engine;
    public string? Note => _run.Note;
    public string Model => "openai:" + options.Value.EmbeddingModel;

    public async Task<float[]?[]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct)
    {
        var vectors = await _run.TryAsync(c => client.EmbedAsync(texts, c), ct, texts.Count);
        return vectors is null ? new float[]?[texts.Count] : vectors;
    }
}

/// <summary>Attribute extraction through the chat endpoint, constrained to the profile's vocabularies; per item local fallback.</summary>
sealed class OpenAiAttributeExtractor(OpenAiClient client, LocalAttributeExtractor local, IConfiguration config, IOptions<OpenAiOptions> options) : IAttributeExtractor
{
    readonly RemoteRun _run = new($"OpenAI-compatible chat extraction ({options.Value.ChatModel})", local.Engine, RemoteSettings.RetryDelay(config));

    public string Engine => _run.Engine;
    public string? Note => _run.Note;

    public async Task<Dictionary<string, object>> ExtractAsync(string text, MatchProfile profile, CancellationToken ct)
    {
        var attributes = await local.ExtractAsync(text, profile, ct);   // size and pack quantity are always computed locally
        var prompt = new StringBuilder()
            .AppendLine("Extract product attributes from the listing title. Answer with JSON only, one key per attribute, omitting unknown ones.")
            .Append("category: one of ").AppendLine(string.Join(", ", profile.Categories.Select(c => c.Name)));
        foreach (var (name, values) in profile.ExtractionCategories) prompt.Append(name).Append(": one of ").AppendLine(string.Join(", ", values));
        var title = "Title: " + text;
        var answer = await _run.TryAsync(async c => (object)RemoteRun.JsonObject(await client.ChatAsync(prompt.ToString(), title, c)), ct);
        if (answer is not JsonElement json) return attributes;
        // only values from the profile's vocabularies are kept: a model cannot write arbitrary keys or values
        if (json.TryGetProperty("category", out var cat) && cat.ValueKind == JsonValueKind.String
            && profile.Categories.FirstOrDefault(c => string.Equals(c.Name, cat.GetString(), StringComparison.OrdinalIgnoreCase)) is { Name: { } category })
            attributes["category"] = category;
        foreach (var (name, values) in profile.ExtractionCategories)
            if (json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                && values.FirstOrDefault(x => string.Equals(x, v.GetString(), StringComparison.OrdinalIgnoreCase)) is { } value)
                attributes[name] = value;
        attributes["extracted_by"] = "ai";
        return attributes;
    }
}
