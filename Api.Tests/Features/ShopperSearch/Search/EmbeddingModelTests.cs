using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Integrations.Embeddings;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Api.Tests.Features.ShopperSearch.Search;

/// <summary>The model name stored with every vector, and a change of model re-embedding in the background.</summary>
public sealed class EmbeddingModelTests(ShopperApi api) : IClassFixture<ShopperApi>
{
    async Task<T> Scalar<T>(string sql)
    {
        await using var owner = api.OwnerConnection();
        await owner.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, owner);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Demo_vectors_come_from_the_local_model_and_say_so()
    {
        await api.SeedAsync();
        Assert.Equal(LocalEmbedder.ModelName, api.Services.GetRequiredService<TextEmbeddings>().Model);
        Assert.Equal(0L, await Scalar<long>($"select count(*) from shopper.products where merchant_id = {Shopper.Demo} and (text_embedding_model is distinct from '{LocalEmbedder.ModelName}' or array_length(text_embedding, 1) <> 384)"));
        Assert.True(await Scalar<long>($"select count(*) from shopper.products where merchant_id = {Shopper.Demo}") > 10);
    }

    [Fact]
    public async Task Vectors_of_another_model_are_left_out_of_the_index_and_re_embedded_in_the_background()
    {
        await api.SeedAsync();
        await using (var owner = api.OwnerConnection())
        {
            await owner.OpenAsync();
            await using var cmd = new NpgsqlCommand($"""
                update shopper.products set text_embedding = array_fill(0.0625::real, array[256]), text_embedding_model = 'local-ngram-256-v1'
                where merchant_id = {Shopper.Other}
                """, owner);
            Assert.True(await cmd.ExecuteNonQueryAsync() > 0);
        }
        var stale = await Scalar<long>($"select count(*) from shopper.products where merchant_id = {Shopper.Other} and text_embedding_model = 'local-ngram-256-v1'");
        var indexes = api.Services.GetRequiredService<VectorIndexes>();
        var index = await indexes.BuildNowAsync(Shopper.Other, -5, LocalEmbedder.ModelName);   // finds the stale rows: enqueues shopper.reembed
        Assert.Equal(0, index!.Count);
        Assert.Equal(1L, await Scalar<long>($"select count(*) from platform.jobs where type = 'shopper.reembed' and tenant_id = '{Shopper.Other}'"));

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (await Scalar<long>($"select count(*) from shopper.products where merchant_id = {Shopper.Other} and text_embedding_model is distinct from '{LocalEmbedder.ModelName}'") > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the re-embed job did not finish");
            await Task.Delay(200);
        }
        Assert.Equal(0L, await Scalar<long>($"select count(*) from shopper.products where merchant_id = {Shopper.Other} and array_length(text_embedding, 1) <> 384"));
        var after = await indexes.BuildNowAsync(Shopper.Other, -4, LocalEmbedder.ModelName);
        Assert.Equal(stale, after!.Count + await Scalar<long>($"select count(*) from shopper.products where merchant_id = {Shopper.Other} and not (status = 'active' and display_flag)"));
        Assert.Equal(1L, await Scalar<long>($"select count(*) from platform.jobs where type = 'shopper.reembed' and tenant_id = '{Shopper.Other}'"));   // nothing stale: no new job
    }

    [Fact]
    public async Task The_query_vector_is_cached()
    {
        var embeddings = api.Services.GetRequiredService<TextEmbeddings>();
        var a = await embeddings.EmbedQueryAsync("Linen  Shirt for the BEACH", CancellationToken.None);
        var b = await embeddings.EmbedQueryAsync("linen shirt for the beach", CancellationToken.None);
        Assert.Same(a, b);
    }
}
