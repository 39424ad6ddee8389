using Api.Infrastructure.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Features.ShopperSearch.Ingest;

public sealed class KeysCommandTests(ShopperApi api) : IClassFixture<ShopperApi>
{
    [Fact]
    public async Task Create_use_rotate_and_revoke_a_key()
    {
        var cmd = api.Services.GetServices<ICliCommand>().Single(c => c.Name == "shopper-keys");
        var output = new StringWriter();
        var old = Console.Out;
        Console.SetOut(output);
        try { Assert.Equal(0, await cmd.RunAsync(api.Services, new Dictionary<string, string> { ["create"] = "true", ["merchant"] = "777", ["env"] = "test" }, CancellationToken.None)); }
        finally { Console.SetOut(old); }
        var key = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Last().Trim();
        Assert.StartsWith("sk_test_", key);

        var c = api.Merchant(777);
        c.DefaultRequestHeaders.Authorization = new("Bearer", key);
        Assert.Equal(200, (await c.Send(HttpMethod.Get, "/api/v0/product/max-price")).Status);

        Assert.Equal(0, await cmd.RunAsync(api.Services, new Dictionary<string, string> { ["revoke"] = "true", ["merchant"] = "777", ["id"] = "1" }, CancellationToken.None));
        var (status, body) = await c.Send(HttpMethod.Get, "/api/v0/product/max-price");
        Assert.Equal(401, status);
        Assert.Equal("API key has been revoked", (string?)body["detail"]);
    }
}
