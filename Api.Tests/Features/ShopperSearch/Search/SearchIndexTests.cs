using Api.Tests.Infrastructure;
using Npgsql;

namespace Api.Tests.Features.ShopperSearch.Search;

/// <summary>
/// The full-text index's pending list (GIN fast update) is scanned whole by every text search until it is merged, so it is
/// kept small and the enrichment pipeline merges it (db/sql/shopper/0004).
/// </summary>
public sealed class SearchIndexTests(ShopperApi api) : IClassFixture<ShopperApi>
{
    [Fact]
    public async Task The_pending_list_is_capped_and_the_app_role_can_merge_it_but_not_call_the_owner_only_function()
    {
        await using var owner = api.OwnerConnection();
        await owner.OpenAsync();
        await using (var cmd = new NpgsqlCommand("select reloptions from pg_class where oid = 'shopper.products_search'::regclass", owner))
            Assert.Contains("gin_pending_list_limit=256", (string[])(await cmd.ExecuteScalarAsync())!);

        await using var app = api.AppConnection();
        await app.OpenAsync();
        await using (var cmd = new NpgsqlCommand("select shopper.flush_search_index()", app))
            Assert.True(Convert.ToInt64(await cmd.ExecuteScalarAsync()) >= 0);
        await using (var cmd = new NpgsqlCommand("select gin_clean_pending_list('shopper.products_search'::regclass)", app))
            Assert.Equal("42501", (await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteScalarAsync())).SqlState);
    }
}
