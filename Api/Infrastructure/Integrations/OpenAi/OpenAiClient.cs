using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

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

/// <summary>Typed client for <c>POST {base}/embeddings</c> and <c>POST {base}/chat/completions</c>. No business decisions here.</summary>
public sealed class OpenAiClient(HttpClient http, Microsoft.Extensions.Options.IOptions<OpenAiOptions> options)
{
    readonly OpenAiOptions _o = options.Value;
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public bool EmbeddingsConfigured => !string.IsNullOrWhiteSpace(_o.BaseUrl) && !string.IsNullOrWhiteSpace(_o.EmbeddingModel);
    public bool ChatConfigured => !string.IsNullOrWhiteSpace(_o.BaseUrl) && !string.IsNullOrWhiteSpace(_o.ChatModel);
    public bool VisionConfigured => !string.IsNullOrWhiteSpace(_o.BaseUrl) && !string.IsNullOrWhiteSpace(_o.VisionModel);
    public string? EmbeddingModel => _o.EmbeddingModel;

    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> inputs, CancellationToken ct)
    {
        if (!EmbeddingsConfigured) throw new OpenAiException("Embeddings are not configured");
        var body = new EmbeddingRequest(_o.EmbeddingModel!, inputs, _o.EmbeddingDimensions);
        var rsp = await SendAsync<EmbeddingResponse>("embeddings", body, ct);
        if (rsp.Data is not { Count: > 0 } data || data.Count != inputs.Count) throw new OpenAiException("Embedding response had the wrong number of vectors");
        return data.OrderBy(d => d.Index).Select(d => d.Embedding ?? throw new OpenAiException("Embedding missing")).ToArray();
    }

    public async Task<string> ChatAsync(string system, string user, CancellationToken ct)
    {
        if (!ChatConfigured) throw new OpenAiException("Chat is not configured");
        var body = new ChatRequest(_o.ChatModel!, [new("system", system), new("user", user)], 0.4, 200);
        var rsp = await SendAsync<ChatResponse>("chat/completions", body, ct);
        return rsp.Choices is [{ Message.Content: { Length: > 0 } text }, ..] ? text.Trim() : throw new OpenAiException("Chat response had no content");
    }

    /// <summary>
    /// Instructions plus one user message to the chat model, asking for a JSON object (<c>response_format: json_object</c>);
    /// returns the model's text, which the caller parses and checks. Throws <see cref="OpenAiException"/> like the others.
    /// </summary>
    public async Task<string> ChatJsonAsync(string system, string user, int maxTokens, CancellationToken ct)
    {
        if (!ChatConfigured) throw new OpenAiException("Chat is not configured");
        var body = new ChatJsonRequest(_o.ChatModel!, [new("system", system), new("user", user)], 0, maxTokens, new { type = "json_object" });
        var rsp = await SendAsync<ChatResponse>("chat/completions", body, ct);
        return rsp.Choices is [{ Message.Content: { Length: > 0 } text }, ..] ? text.Trim() : throw new OpenAiException("Chat response had no content");
    }

    /// <summary>
    /// One image plus instructions to the vision model, asking for a JSON object (<c>response_format: json_object</c>);
    /// returns the model's text, which the caller parses and checks.
    /// </summary>
    public async Task<string> VisionJsonAsync(string instructions, byte[] image, string mediaType, CancellationToken ct)
    {
        if (!VisionConfigured) throw new OpenAiException("Vision is not configured");
        var dataUrl = $"data:{mediaType};base64,{Convert.ToBase64String(image)}";
        var body = new VisionRequest(_o.VisionModel!,
        [
            new VisionMessage("system", instructions),
            new VisionMessage("user", new object[] { new { type = "text", text = "Extract the bill in this image as JSON." }, new { type = "image_url", image_url = new { url = dataUrl } } }),
        ], 0, 4000, new { type = "json_object" });
        var rsp = await SendAsync<ChatResponse>("chat/completions", body, ct);
        return rsp.Choices is [{ Message.Content: { Length: > 0 } text }, ..] ? text.Trim() : throw new OpenAiException("Vision response had no content");
    }

    async Task<T> SendAsync<T>(string path, object body, CancellationToken ct)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, _o.BaseUrl!.TrimEnd('/') + "/" + path)
        {
            Content = JsonContent(body),
        };
        if (!string.IsNullOrEmpty(_o.ApiKey)) req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _o.ApiKey);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(TimeSpan.FromSeconds(_o.TimeoutSeconds));
        HttpResponseMessage rsp;
        try { rsp = await http.SendAsync(req, cts.Token); }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        { throw new OpenAiException($"OpenAI-compatible server unreachable ({e.GetType().Name})", transient: true); }
        using (rsp)
        {
            if (!rsp.IsSuccessStatusCode)
                throw new OpenAiException($"OpenAI-compatible server answered {(int)rsp.StatusCode}", transient: (int)rsp.StatusCode is 429 or >= 500);
            try { return await rsp.Content.ReadFromJsonAsync<T>(Json, cts.Token) ?? throw new OpenAiException("Empty response"); }
            catch (JsonException) { throw new OpenAiException("Malformed response from OpenAI-compatible server"); }
        }
    }

    static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body, body.GetType(), Json), System.Text.Encoding.UTF8, "application/json");

    sealed record EmbeddingRequest(string Model, IReadOnlyList<string> Input, int? Dimensions);
    sealed record EmbeddingResponse(List<EmbeddingItem>? Data);
    sealed record EmbeddingItem(int Index, float[]? Embedding);
    sealed record ChatMessage(string Role, string Content);
    sealed record ChatRequest(string Model, IReadOnlyList<ChatMessage> Messages, double Temperature, int MaxTokens);
    sealed record ChatJsonRequest(string Model, IReadOnlyList<ChatMessage> Messages, double Temperature, int MaxTokens, object ResponseFormat);
    sealed record VisionMessage(string Role, object Content);
    sealed record VisionRequest(string Model, IReadOnlyList<VisionMessage> Messages, double Temperature, int MaxTokens, object ResponseFormat);
    sealed record ChatResponse(List<ChatChoice>? Choices);
    sealed record ChatChoice(ChatMessage? Message);
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
