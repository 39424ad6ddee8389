using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;

namespace Api.Infrastructure.Integrations.OpenAi;

/// <summary>
/// <c>Integrations:OpenAi</c>: an OpenAI-compatible server (OpenAI, Azure OpenAI's v1 surface, Ollama, vLLM).
/// <see cref="EmbeddingsConfigured"/> / <see cref="ChatConfigured"/> are false until a base URL and the model are set; callers then
/// use their documented local default instead.
/// </summary>
public sealed class OpenAiOptions
{
    public string? BaseUrl { get; set; }               // e.g. https://api.openai.com/v1 or http://localhost:11434/v1
    public string? ApiKey { get; set; }                // optional (Ollama needs none); never logged
    public string? EmbeddingModel { get; set; }        // e.g. text-embedding-3-small
    public int? EmbeddingDimensions { get; set; }
    public string? ChatModel { get; set; }             // e.g. gpt-4o-mini
    public string? VisionModel { get; set; }           // e.g. gpt-4o-mini; image input (bill photos); unset: no vision
    public double TimeoutSeconds { get; set; } = 20;
}

/// <summary><see cref="Transient"/>: unreachable, timed out, 429 or 5xx (worth one retry); otherwise the answer itself was unusable.</summary>
public sealed class OpenAiException(string message, bool transient = false) : Exception(message)
{
    public bool Transient { get; } = transient;
}

/// <summary>
/// Chat, JSON chat, vision and embeddings over the official OpenAI .NET SDK (<c>OpenAI</c> 2.x) pointed at the configured
/// OpenAI-compatible base URL, through this typed <see cref="HttpClient"/> (the SDK's own retries are off: callers decide, by
/// <see cref="OpenAiException.Transient"/>). No business decisions here.
/// </summary>
public sealed class OpenAiClient
{
    readonly OpenAiOptions _o;
    readonly OpenAIClient? _sdk;

    public OpenAiClient(HttpClient http, Microsoft.Extensions.Options.IOptions<OpenAiOptions> options)
    {
        _o = options.Value;
        if (string.IsNullOrWhiteSpace(_o.BaseUrl)) return;
        http.Timeout = Timeout.InfiniteTimeSpan;   // the SDK's NetworkTimeout below is the one timeout
        _sdk = new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(_o.ApiKey) ? "none" : _o.ApiKey), new OpenAIClientOptions
        {
            Endpoint = new Uri(_o.BaseUrl.TrimEnd('/') + "/"),
            Transport = new HttpClientPipelineTransport(http),
            NetworkTimeout = TimeSpan.FromSeconds(_o.TimeoutSeconds),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        });
    }

    public bool EmbeddingsConfigured => _sdk is not null && !string.IsNullOrWhiteSpace(_o.EmbeddingModel);
    public bool ChatConfigured => _sdk is not null && !string.IsNullOrWhiteSpace(_o.ChatModel);
    public bool VisionConfigured => _sdk is not null && !string.IsNullOrWhiteSpace(_o.VisionModel);
    public string? EmbeddingModel => _o.EmbeddingModel;

    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> inputs, CancellationToken ct)
    {
        if (!EmbeddingsConfigured) throw new OpenAiException("Embeddings are not configured");
        var options = new EmbeddingGenerationOptions { Dimensions = _o.EmbeddingDimensions };
        var rsp = await CallAsync(t => _sdk!.GetEmbeddingClient(_o.EmbeddingModel).GenerateEmbeddingsAsync(inputs, options, t), ct);
        if (rsp.Value is not { Count: > 0 } data || data.Count != inputs.Count) throw new OpenAiException("Embedding response had the wrong number of vectors");
        try { return data.OrderBy(d => d.Index).Select(d => d.ToFloats().ToArray()).ToArray(); }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException or NullReferenceException)
        { throw new OpenAiException("Embedding missing"); }
    }

    public Task<string> ChatAsync(string system, string user, CancellationToken ct) =>
        !ChatConfigured ? throw new OpenAiException("Chat is not configured")
            : CompleteAsync(_o.ChatModel!, [new SystemChatMessage(system), new UserChatMessage(user)],
                new ChatCompletionOptions { Temperature = 0.4f, MaxOutputTokenCount = 200 }, "Chat", ct);

    /// <summary>
    /// Instructions plus one user message to the chat model, asking for a JSON object (<c>response_format: json_object</c>);
    /// returns the model's text, which the caller parses and checks. Throws <see cref="OpenAiException"/> like the others.
    /// </summary>
    public Task<string> ChatJsonAsync(string system, string user, int maxTokens, CancellationToken ct) =>
        !ChatConfigured ? throw new OpenAiException("Chat is not configured")
            : CompleteAsync(_o.ChatModel!, [new SystemChatMessage(system), new UserChatMessage(user)],
                new ChatCompletionOptions { Temperature = 0, MaxOutputTokenCount = maxTokens, ResponseFormat = ChatResponseFormat.CreateJsonObjectFormat() }, "Chat", ct);

    /// <summary>
    /// One image plus instructions to the vision model, asking for a JSON object (<c>response_format: json_object</c>);
    /// returns the model's text, which the caller parses and checks.
    /// </summary>
    public Task<string> VisionJsonAsync(string instructions, byte[] image, string mediaType, CancellationToken ct) =>
        !VisionConfigured ? throw new OpenAiException("Vision is not configured")
            : CompleteAsync(_o.VisionModel!,
                [
                    new SystemChatMessage(instructions),
                    new UserChatMessage(ChatMessageContentPart.CreateTextPart("Extract the bill in this image as JSON."),
                        ChatMessageContentPart.CreateImagePart(BinaryData.FromBytes(image), mediaType)),
                ],
                new ChatCompletionOptions { Temperature = 0, MaxOutputTokenCount = 4000, ResponseFormat = ChatResponseFormat.CreateJsonObjectFormat() }, "Vision", ct);

    async Task<string> CompleteAsync(string model, ChatMessage[] messages, ChatCompletionOptions options, string what, CancellationToken ct)
    {
        var rsp = await CallAsync(t => _sdk!.GetChatClient(model).CompleteChatAsync(messages, options, t), ct);
        return rsp.Value.Content is [{ Text: { Length: > 0 } text }, ..] ? text.Trim() : throw new OpenAiException($"{what} response had no content");
    }

    /// <summary>One SDK call with the client's error contract: unreachable, timed out, 429 or 5xx are transient.</summary>
    static async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        try { return await call(ct); }
        catch (ClientResultException e) when (e.Status == 0)
        { throw new OpenAiException($"OpenAI-compatible server unreachable ({e.InnerException?.GetType().Name ?? "no response"})", transient: true); }
        catch (ClientResultException e)
        { throw new OpenAiException($"OpenAI-compatible server answered {e.Status}", transient: e.Status is 429 or >= 500); }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        { throw new OpenAiException($"OpenAI-compatible server unreachable ({e.GetType().Name})", transient: true); }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException)
        { throw new OpenAiException("Malformed response from OpenAI-compatible server"); }
    }
}

public static class OpenAiRegistration
{
    public static IServiceCollection AddOpenAiClient(this IServiceCollection services)
    {
        services.AddOptions<OpenAiOptions>().BindConfiguration("Integrations:OpenAi");
        services.AddHttpClient<OpenAiClient>();
        return services;
    }
}
