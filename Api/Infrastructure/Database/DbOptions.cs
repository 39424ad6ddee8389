namespace Api.Infrastructure.Database;

/// <summary>
/// <c>ConnectionStrings:Postgres</c> (owner: runs migrations) and optionally <c>ConnectionStrings:PostgresApp</c>
/// (the non-owner login the API uses). With no <c>Postgres</c> connection string the embedded cluster starts.
/// </summary>
public sealed class DbOptions
{
    public string AppRole { get; set; } = "slices_app";
    public string EmbeddedDataDir { get; set; } = ".data/postgres";
    public string? EmbeddedBinDir { get; set; }
    public bool EmbeddedFsync { get; set; } = true;
    /// <summary>
    /// <c>shared_buffers</c> of the embedded cluster. PostgreSQL's 128MB default is smaller than one bench catalog
    /// (ShopperSearch's products table alone is ~230MB), so hot searches went to the OS cache; empty keeps the default.
    /// </summary>
    public string EmbeddedSharedBuffers { get; set; } = "512MB";
    /// <summary>Seed demo data on first start of a fresh embedded database.</summary>
    public bool SeedDemoData { get; set; } = true;
    public int MaxPoolSize { get; set; } = 50;
}
