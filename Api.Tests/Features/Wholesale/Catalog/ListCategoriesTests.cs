using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.Catalog;

public sealed class ListCategoriesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Lists_live_categories_publicly()
    {
        var name = WsKit.Unique("Dry Goods ");
        var id = await api.CreateCategoryAsync(name);
        var gone = await api.CreateCategoryAsync();
        await api.Exec("update wholesale.categories set deleted_at = now() where id = $1", gone);

        var rsp = await api.CreateClient().GetAsync($"{WsKit.Base}/api/categories");
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var list = (await rsp.Json()).AsArray();
        Assert.Contains(list, c => (long)c!["id"]! == id && (string)c["name"]! == name);
        Assert.DoesNotContain(list, c => (long)c!["id"]! == gone);
    }

    [Fact]
    public async Task Unknown_route_uses_the_envelope()
    {
        var rsp = await api.CreateClient().GetAsync($"{WsKit.Base}/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, rsp.StatusCode);
        Assert.False((bool)(await rsp.Json())["success"]!);
    }
}
