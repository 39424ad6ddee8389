using Api.Features.PriceWatch.Common.Matching;
using Api.Infrastructure.Integrations.OpenAi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Api.Tests.Features.PriceWatch.Matching;

/// <summary>The OpenAI-backed engines against the fake server: success, 500, 429, garbage, timeout, retry, breaker, fallback notes.</summary>
public sealed class OpenAiEnginesTests
{
    static readonly IConfiguration Config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["PriceWatch:Ai:RetryDelayMs"] = "10" }).Build();

    static (OpenAiClient Client, IOptions<OpenAiOptions> Options, string Prefix) Client(string mode)
    {
        var options = Options.Create(new OpenAiOptions
        {
            BaseUrl = FakeOpenAi.BaseUrl(mode, out var prefix), ChatModel = "fake-chat", EmbeddingModel = "fake-embed", ApiKey = "sk-test", TimeoutSeconds = mode == "slow" ? 1 : 15,
        });
        return (new OpenAiClient(new HttpClient(), options), options, prefix);
    }

    static int Calls(string prefix) => FakeOpenAi.Calls.GetValueOrDefault(prefix);

    static readonly FuzzyMatcher Matcher = new(MatchProfile.Default, []);
    static Prepared P(string name) => Matcher.Prepare(new Item(Guid.NewGuid(), name));

    static OpenAiVerifier Verifier(string mode, out string prefix)
    {
        var (client, options, p) = Client(mode);
        prefix = p;
        return new OpenAiVerifier(client, new LocalRuleVerifier(), Config, options);
    }

    [Fact]
    public async Task Success_uses_the_chat_verdict_and_says_so()
    {
        var v = Verifier("ok", out var prefix);
        Assert.Equal((true, 93.0), await v.VerifyAsync(P("Amber Glass Jar 2oz"), P("Amber Jar 2 oz glass"), 55, MatchProfile.Default, default));
        Assert.Equal((false, 10.0), await v.VerifyAsync(P("Amber Glass Jar 2oz"), P("Amber Plastic Jar 2oz"), 70, MatchProfile.Default, default));   // 0-1 scale read as percent
        Assert.Equal(2, Calls(prefix));
        Assert.Contains("OpenAI-compatible chat verifier (fake-chat)", v.Engine);
        Assert.DoesNotContain("fallback", v.Engine);
        Assert.Null(v.Note);
    }

    [Theory]
    [InlineData("500", 2, "answered 500")]
    [InlineData("429", 2, "answered 429")]
    [InlineData("slow", 2, "unreachable")]                 // timeout: retried once, then local
    [InlineData("garbage", 1, "Malformed response")]       // an unusable answer is not retried
    [InlineData("prose", 1, "no JSON object")]
    public async Task Failures_retry_when_transient_then_fall_back_to_the_local_verifier(string mode, int calls, string reason)
    {
        var v = Verifier(mode, out var prefix);
        var local = await new LocalRuleVerifier().VerifyAsync(P("Black Mylar Bag 4x6"), P("Black Mylar Bag 4 x 6"), 72, MatchProfile.Default, default);
        Assert.Equal(local, await v.VerifyAsync(P("Black Mylar Bag 4x6"), P("Black Mylar Bag 4 x 6"), 72, MatchProfile.Default, default));
        Assert.Equal(calls, Calls(prefix));
        Assert.StartsWith("local fallback: ", v.Note);
        Assert.Contains(reason, v.Note);
        Assert.Contains("1 of 1 items decided by the local rule-based verifier", v.Note);
        Assert.Contains("local fallback for every item", v.Engine);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_once_and_then_succeeds()
    {
        var v = Verifier("flaky", out var prefix);
        Assert.Equal((true, 93.0), await v.VerifyAsync(P("Gold Tin 2oz"), P("Gold Tin 2 oz"), 60, MatchProfile.Default, default));
        Assert.Equal(2, Calls(prefix));
        Assert.Null(v.Note);
    }

    [Fact]
    public async Task After_three_failed_items_the_run_stops_calling_the_server()
    {
        var v = Verifier("500", out var prefix);
        for (var i = 0; i < 6; i++) await v.VerifyAsync(P($"Tin {i}oz"), P($"Tin {i} oz"), 60, MatchProfile.Default, default);
        Assert.Equal(RemoteRun.BreakerThreshold * 2, Calls(prefix));
        Assert.Contains("6 of 6 items", v.Note);
        Assert.Contains("stopped calling the server", v.Note);
    }

    [Fact]
    public async Task Embeddings_come_from_the_server_and_a_failed_batch_is_left_empty_not_mixed()
    {
        var (client, options, prefix) = Client("ok");
        var ok = new OpenAiEmbedder(client, Config, options);
        var vectors = await ok.EmbedAsync(["Kraft Box 6x9", "Gold Tin"], default);
        Assert.All(vectors, v => Assert.Equal(8, v!.Length));
        Assert.Equal(1, Calls(prefix));
        Assert.Null(ok.Note);

        var (bad, badOptions, badPrefix) = Client("500");
        var failing = new OpenAiEmbedder(bad, Config, badOptions);
        Assert.All(await failing.EmbedAsync(["a", "b", "c"], default), Assert.Null);
        Assert.Equal(2, Calls(badPrefix));
        Assert.Contains("answered 500", failing.Note);
        Assert.Contains("3 of 3 items", failing.Note);
        Assert.StartsWith("no local fallback for embeddings", failing.Note);
        Assert.DoesNotContain("local fallback for every", failing.Engine);
    }

    [Fact]
    public async Task Extraction_keeps_only_profile_vocabulary_and_falls_back_per_item()
    {
        var profile = MatchQualityTests.Packaging();
        var (client, options, _) = Client("byname");
        var x = new OpenAiAttributeExtractor(client, new LocalAttributeExtractor(), Config, options);
        var ai = await x.ExtractAsync("Clear Mylar Bag 4x5 12-pack", profile, default);
        Assert.Equal("Mylar Bags", ai["category"]);
        Assert.Equal("kraft", ai["material"]);              // normalised to the vocabulary's spelling
        Assert.Equal("clear", ai["color"]);                 // the model's "ultraviolet" is not in the vocabulary: the local value stays
        Assert.False(ai.ContainsKey("owner_id"));
        Assert.Equal(12, ai["pack_quantity"]);
        Assert.Equal("ai", ai["extracted_by"]);

        var local = await x.ExtractAsync("Kraft Stand Up Pouch 6x9", profile, default);   // the fake fails on "Kraft"
        Assert.False(local.ContainsKey("extracted_by"));
        Assert.Equal("kraft", local["material"]);
        Assert.Contains("local fallback: OpenAI-compatible server answered 500; 1 of 2 items", x.Note);
        Assert.Contains("local fallback for 1 of 2 items", x.Engine);
    }
}
