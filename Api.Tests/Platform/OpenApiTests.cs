using System.Net;
using System.Text.Json.Nodes;
using Api.Infrastructure.Modules;
using Api.Tests.Infrastructure;

namespace Api.Tests.Platform;

public sealed class OpenApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Every_module_has_a_document_and_the_docs_ui_answers()
    {
        var client = api.CreateClient();
        foreach (var m in Modules.All)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/openapi/{m.Key}.json")).StatusCode);
        var docs = await client.GetAsync("/docs/");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("text/html", docs.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_platform_document_lists_each_slice_with_parameters_and_schemas()
    {
        var doc = await (await api.CreateClient().GetAsync("/openapi/platform.json")).Json();
        var paths = doc["paths"]!.AsObject();
        Assert.Contains("/platform/v1/settings/{Key}", paths.Select(p => p.Key));
        Assert.Contains("/platform/v1/jobs/{JobId}", paths.Select(p => p.Key));

        var get = paths["/platform/v1/settings/{Key}"]!["get"]!;
        Assert.Null(get["requestBody"]);
        Assert.Contains(get["parameters"]!.AsArray(), p => (string?)p!["name"] == "Key" && (string?)p["in"] == "path");
        Assert.NotNull(get["responses"]!["404"] ?? get["responses"]!["401"]);

        var list = paths["/platform/v1/settings"]!["get"]!;
        Assert.Contains(list["parameters"]!.AsArray(), p => (string?)p!["name"] == "limit" && (string?)p["in"] == "query");

        var schemas = doc["components"]!["schemas"]!.AsObject();
        Assert.Contains("PlatformSettingsGetSettingResponse", schemas.Select(s => s.Key));
        Assert.Contains("PlatformSettingsPutSettingResponse", schemas.Select(s => s.Key));
        var props = schemas["PlatformSettingsGetSettingResponse"]!["properties"]!.AsObject();
        Assert.Contains("updated_at", props.Select(p => p.Key));   // the module's snake_case, as on the wire
    }
}
