using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Api.Tests.Infrastructure;

public static class Http
{
    public static async Task<JsonNode> Json(this HttpResponseMessage rsp) =>
        JsonNode.Parse(await rsp.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    public static Task<HttpResponseMessage> PutJson(this HttpClient c, string url, object body) =>
        c.PutAsJsonAsync(url, body, new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });

    public static Task<HttpResponseMessage> PostJson(this HttpClient c, string url, object body) =>
        c.PostAsJsonAsync(url, body, new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
}
