using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Jobs;
using LinqToDB.Data;

namespace Api.Features.ShopperSearch.Pipeline.Reembed;

/// <summary>
/// Re-embeds a merchant's enriched products whose text vectors are missing or were made by another model than the current
/// one (a change of <c>Integrations:OpenAi:EmbeddingModel</c>, or rows from before the local model), in batches of
/// <see cref="Batch"/> with progress, then bumps the catalog version so the vector index is rebuilt. Enqueued by
/// <see cref="VectorIndexes"/> when it finds stale rows (at most one per merchant and model at a time); a run that sees nothing
/// stale does nothing. Searches meanwhile rank stale rows without the semantic signal, never with another model's vectors.
/// </summary>
sealed class Job(AppDb db, ITextEmbedder embedder, Catalog catalog, VectorIndexes vectors) : IJobHandler
{
    public const string Type = "shopper.reembed";
    public sealed record Payload(long Merchant, string Model);
    static readonly string StaleSql = Sql.Load<Job>("Stale.sql");
    const int Batch = 256;

    public async Task<object?> RunAsync(JobRun job, CancellationToken ct)
    {
        var p = job.PayloadAs<Payload>();
        var model = embedder.Model;
        long after = 0; var done = 0;
        try
        {
            while (true)
            {
                List<Row> rows;
                await using (var tx = await db.BeginTenantAsync(ct))
                {
                    rows = await db.QueryToListAsync<Row>(StaleSql, new { p.Merchant, Model = model, AfterId = after, Take = Batch }, ct);
                    await tx.CommitAsync(ct);
                }
                if (rows.Count == 0) break;
                var texts = rows.Select(r => Enrichment.EmbeddingText(r.ProductName, r.Category, r.SubCategory, r.Brand, r.Color, r.Tags, r.ProductDetails, r.ColorNames)).ToList();
                var described = rows.Where(r => !string.IsNullOrWhiteSpace(r.Image1Description)).ToList();
                var all = await embedder.EmbedAsync([.. texts, .. described.Select(r => r.Image1Description!)], ct);
                var images = described.Select((r, i) => (r.Id, V: all[rows.Count + i])).ToDictionary(x => x.Id, x => x.V);
                await using (var tx = await db.BeginTenantAsync(ct))
                {
                    for (var i = 0; i < rows.Count; i++)
                        await db.ExecuteAsync("""
                            update shopper.products set text_embedding = @V, text_embedding_model = @Model, image_desc_embed = coalesce(@Img, image_desc_embed)
                            where id = @Id and merchant_id = @Merchant
                            """, new { V = all[i], Model = model, Img = images.GetValueOrDefault(rows[i].Id), rows[i].Id, p.Merchant }, ct);
                    await tx.CommitAsync(ct);
                }
                done += rows.Count;
                after = rows[^1].Id;
                await job.ReportAsync(done, null, $"{done} products re-embedded with {model}", ct);
            }
            if (done > 0)
                await using (var tx = await db.BeginTenantAsync(ct)) { await catalog.BumpAsync(db, p.Merchant, ct); await tx.CommitAsync(ct); }
        }
        finally { vectors.ReembedFinished(p.Merchant); }
        return new { merchant = p.Merchant, model, reembedded = done };
    }

    sealed class Row
    {
        public long Id { get; init; }
        public string ProductName { get; init; } = "";
        public string? ProductDetails { get; init; }
        public string? Category { get; init; }
        public string? SubCategory { get; init; }
        public string? Brand { get; init; }
        public string? Color { get; init; }
        public string? Tags { get; init; }
        public string? Image1Description { get; init; }
        public string? ColorNames { get; init; }
    }
}
