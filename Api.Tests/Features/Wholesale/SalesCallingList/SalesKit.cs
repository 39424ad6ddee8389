using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.SalesCallingList;

public static class SalesKit
{
    public static string Phone() => "+13" + Random.Shared.NextInt64(100_000_000, 999_999_999);

    public static async Task<JsonNode> AddEntryAsync(HttpClient staff, object body)
    {
        var rsp = await staff.PostJson($"{WsKit.Base}/api/sales/calling-list", body);
        var text = await rsp.Content.ReadAsStringAsync();
        Assert.True(rsp.StatusCode == System.Net.HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!["entry"]!;
    }

    public static Task<HttpResponseMessage> SendJson(HttpClient c, HttpMethod method, string url, string json) =>
        c.SendAsync(new HttpRequestMessage(method, WsKit.Base + url) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    public static MultipartFormDataContent Csv(string csv, string name = "file.csv")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", name);
        return form;
    }
}
