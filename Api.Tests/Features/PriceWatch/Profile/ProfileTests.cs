using System.Net;
using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Features.PriceWatch.Profile;

public sealed class ProfileTests(PriceWatchFactory api) : IClassFixture<PriceWatchFactory>
{
    const string Base = "/pricewatch/api/profile";

    [Fact]
    public async Task No_profile_is_404_then_put_creates_and_get_reads_back()
    {
        var t = await PwTenant.CreateAsync(api);
        var c = t.Client();
        var missing = await c.GetAsync(Base);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("Industry profile not configured", (string?)(await missing.Json())["detail"]);

        var put = await c.PutJson(Base, new { industry_slug = "packaging", industry_name = "Packaging", unit_types = new[] { "oz", "ml" }, use_new_matcher = true });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var got = await (await c.GetAsync(Base)).Json();
        Assert.Equal("packaging", (string?)got["industry_slug"]);
        Assert.Equal(2, got["unit_types"]!.AsArray().Count);
        Assert.True((bool)got["use_new_matcher"]!);

        // partial update keeps the other fields
        await c.PutJson(Base, new { industry_name = "Packaging & Containers" });
        got = await (await c.GetAsync(Base)).Json();
        Assert.Equal("Packaging & Containers", (string?)got["industry_name"]);
        Assert.Equal("packaging", (string?)got["industry_slug"]);
    }

    [Fact]
    public async Task Only_the_twelve_allowed_fields_are_ever_written()
    {
        var t = await PwTenant.CreateAsync(api);
        var victim = await PwTenant.CreateAsync(api);
        var c = t.Client();
        var rsp = await c.PutJson(Base, new Dictionary<string, object>
        {
            ["industry_name"] = "Mine", ["tenant_id"] = victim.Id, ["id"] = Guid.NewGuid(), ["created_at"] = "2000-01-01T00:00:00Z",
            ["updated_at"] = "2000-01-01T00:00:00Z", ["is_admin"] = true, ["industry_slug; drop table x"] = "x",
        });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        var ignored = body["ignored_fields"]!.AsArray().Select(x => (string)x!).ToList();
        Assert.Contains("tenant_id", ignored);
        Assert.Contains("id", ignored);
        Assert.Contains("created_at", ignored);
        Assert.Equal(t.Id.ToString(), (string?)body["profile"]!["tenant_id"]);
        Assert.NotEqual("2000-01-01T00:00:00+00:00", (string?)body["profile"]!["created_at"]);
        Assert.Equal(0L, await Pw.ScalarAsync<long>(api, "select count(*) from pricewatch.industry_profiles where tenant_id = @t", ("t", victim.Id)));
    }

    [Fact]
    public async Task Wrong_types_are_422_and_viewers_cannot_write()
    {
        var t = await PwTenant.CreateAsync(api);
        var bad = await t.Client().PutJson(Base, new { categories = "not-an-array", use_new_matcher = "yes", industry_slug = "Bad Slug!" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var fields = (await bad.Json())["detail"]!.AsArray().Select(d => (string)d!["loc"]![1]!).ToList();
        Assert.Contains("categories", fields);
        Assert.Contains("use_new_matcher", fields);
        Assert.Contains("industry_slug", fields);
        var notJson = await t.Client().PutAsync(Base, new StringContent("{oops", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notJson.StatusCode);
        var array = await t.Client().PutAsync(Base, new StringContent("[1]", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, array.StatusCode);

        var viewer = await t.AddAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Client(viewer).PutJson(Base, new { industry_name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Client(viewer).DeleteAsync(Base)).StatusCode);
    }

    [Fact]
    public async Task Saving_clears_the_profile_cache()
    {
        var t = await PwTenant.CreateAsync(api);
        var c = t.Client();
        await c.PutJson(Base, new { scoring_config = new { min_confidence = 70 } });
        var cache = api.Services.GetRequiredService<ProfileCache>();
        async Task<double> Min()
        {
            using var scope = api.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            await using var tx = await PwTx.BeginTenantAsync(db, t.Id, default);
            return (await cache.GetAsync(db, t.Id, default)).MinConfidence;
        }
        Assert.Equal(70, await Min());
        // the PUT also signals every instance, this one included (ClusterSignals, LISTEN): when that signal comes back after the
        // read above, it drops the entry just cached (a harmless miss, and CI saw it once); read again until the entry stays
        for (var i = 0; i < 50 && !cache.IsCached(t.Id); i++) { await Task.Delay(100); Assert.Equal(70, await Min()); }
        Assert.True(cache.IsCached(t.Id));
        await c.PutJson(Base, new { scoring_config = new { min_confidence = 55 } });
        Assert.False(cache.IsCached(t.Id));
        Assert.Equal(55, await Min());
        await c.DeleteAsync(Base);
        Assert.False(cache.IsCached(t.Id));
    }

    [Fact]
    public async Task Templates_list_get_and_apply()
    {
        var t = await PwTenant.CreateAsync(api);
        var c = t.Client();
        var list = (await (await c.GetAsync($"{Base}/templates")).Json()).AsArray();
        Assert.True(list.Count >= 5);
        Assert.Contains(list, x => (string?)x!["slug"] == "packaging");
        Assert.All(list, x => Assert.NotEmpty(x!["example_products"]!.AsArray()));

        var full = await (await c.GetAsync($"{Base}/templates/packaging")).Json();
        foreach (var f in new[] { "categories", "scoring_config", "search_terms", "size_equivalences", "hard_block_rules", "specialty_brands",
                     "unit_types", "ai_extraction_categories", "ai_matching_rules", "use_new_matcher" })
            Assert.NotNull(full[f]);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"{Base}/templates/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.PostAsync($"{Base}/templates/nope/apply", null)).StatusCode);

        var applied = await c.PostAsync($"{Base}/templates/coffee/apply", null);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal("coffee", (string?)(await (await c.GetAsync(Base)).Json())["industry_slug"]);
        await c.PostAsync($"{Base}/templates/packaging/apply", null);
        var profile = await (await c.GetAsync(Base)).Json();
        Assert.Equal("packaging", (string?)profile["industry_slug"]);
        Assert.Equal(full["categories"]!.ToJsonString(), profile["categories"]!.ToJsonString());
    }

    [Fact]
    public async Task Other_tenants_profile_is_invisible_and_401_without_token()
    {
        var a = await PwTenant.CreateAsync(api);
        var b = await PwTenant.CreateAsync(api);
        await a.Client().PostAsync($"{Base}/templates/packaging/apply", null);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Client().GetAsync(Base)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync(Base)).StatusCode);
    }
}
