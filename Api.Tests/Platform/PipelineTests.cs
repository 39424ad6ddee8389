using System.Net;
using Api.Infrastructure.Http;
using Api.Infrastructure.Modules;
using Api.Tests.Infrastructure;

namespace Api.Tests.Platform;

/// <summary>The request pipeline every module shares: request ids, health, unknown routes and failures in each module's envelope.</summary>
public sealed class PipelineTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Health_and_readiness_answer()
    {
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("applied", (string?)(await ready.Json())["migrations"]);
    }

    [Fact]
    public async Task A_valid_request_id_is_echoed_and_an_invalid_one_replaced()
    {
        var client = api.CreateClient();
        var echoed = new HttpRequestMessage(HttpMethod.Get, "/healthz") { Headers = { { "X-Request-ID", "abc-123.x" } } };
        Assert.Equal("abc-123.x", (await client.SendAsync(echoed)).Headers.GetValues("X-Request-ID").Single());
        var invalid = new HttpRequestMessage(HttpMethod.Get, "/healthz") { Headers = { { "X-Request-ID", "bad id with spaces" } } };
        var id = (await client.SendAsync(invalid)).Headers.GetValues("X-Request-ID").Single();
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", id);   // a hyphenated UUID, as the documents show
        Assert.NotNull((await client.GetAsync("/nowhere")).Headers.GetValues("X-Request-ID").Single());
    }

    [Theory]
    [InlineData("/pricewatch/api/nope", """{"detail":"Not Found"}""")]
    [InlineData("/shopper/api/v1/nope", """{"detail":"Not Found"}""")]
    [InlineData("/wholesale/api/nope", """{"success":false,"error":"Not Found"}""")]
    [InlineData("/adpriority/api/nope", """{"error":{"code":"NOT_FOUND","message":"Not Found"}}""")]
    [InlineData("/brand-insights/v1/nope", """{"error":"Not Found","code":"NOT_FOUND","message":"Not Found"}""")]
    public async Task Unknown_routes_under_a_module_answer_404_in_its_envelope(string path, string body)
    {
        var rsp = await api.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, rsp.StatusCode);
        Assert.Equal(body, await rsp.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_method_is_405_in_the_envelope()
    {
        var rsp = await api.CreateClient().PostAsync("/platform/v1/settings/a.b", null);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, rsp.StatusCode);
        Assert.Equal(405, (int?)(await rsp.Json())["status"]);
    }

    [Fact]
    public async Task Test_url_cache_endpoint_is_only_for_tests()
    {
        // FastEndpoints maps GET _test_url_cache_ in every environment; outside "Testing" it is blocked at the edge
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync("/_test_url_cache_")).StatusCode);
    }

    public static TheoryData<string, int, string> Envelopes => new()
    {
        { "pricewatch", 422, """{"detail":[{"loc":["query","limit"],"msg":"too big","type":"value_error"}]}""" },
        { "shopper", 422, """{"detail":[{"loc":["query","limit"],"msg":"too big","type":"value_error"}]}""" },
        { "wholesale", 400, """{"success":false,"error":"too big","details":{"limit":"too big"}}""" },
        { "adpriority", 400, """{"error":{"code":"VALIDATION_ERROR","message":"too big","details":{"field":"limit","value":7,"constraint":"range:0-5","issues":[{"field":"limit","message":"too big"}]}}}""" },
        { "brand-insights", 422, """{"error":"Validation error","code":"INVALID_PARAMS","message":"Invalid parameters","details":{"limit":"too big"}}""" },
    };

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void Validation_failures_take_each_modules_shape(string module, int status, string expected)
    {
        var m = Modules.All.Single(x => x.Key == module);
        var error = ApiError.Validation([new FieldError("limit", "too big", "query", module == "adpriority" ? "range:0-5" : null, 7)]);
        Assert.Equal(status, m.Envelope.ValidationStatus);
        Assert.Equal(expected, System.Text.Json.JsonSerializer.Serialize(m.Envelope.Body(error, m.Envelope.ValidationStatus, "rid"), m.Json));
    }

    [Theory]
    [InlineData("pricewatch", """{"detail":"boom"}""")]
    [InlineData("wholesale", """{"success":false,"error":"boom"}""")]
    [InlineData("adpriority", """{"error":{"code":"INTERNAL_ERROR","message":"boom"}}""")]
    [InlineData("brand-insights", """{"error":"Internal server error","code":"INTERNAL_ERROR","message":"boom","request_id":"rid"}""")]
    public void Unexpected_errors_take_each_modules_shape(string module, string expected)
    {
        var m = Modules.All.Single(x => x.Key == module);
        var body = m.Envelope.Body(new ApiError(500, "INTERNAL_ERROR", "boom"), 500, "rid");
        Assert.Equal(expected, System.Text.Json.JsonSerializer.Serialize(body, m.Json));
    }

    [Fact]
    public void Base_paths_normalise()
    {
        Assert.Equal("/x", Modules.NormalizeBasePath("x/"));
        Assert.Equal("", Modules.NormalizeBasePath("/"));
        Assert.Equal("/a/b", Modules.NormalizeBasePath(" /a/b/ "));
    }
}
