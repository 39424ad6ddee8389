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
    /// <summary>
    /// Npgsql automatic preparation on the app connection: up to this many statements per connection are prepared after two
    /// uses, so PostgreSQL parses and plans each slice's SQL once per connection (0 turns it off; a <c>Max Auto Prepare</c> in
    /// <c>ConnectionStrings:PostgresApp</c> wins). Behind PgBouncer in transaction mode this needs PgBouncer 1.21+
    /// (<c>max_prepared_statements</c>) or 0. Measured: Wholesale's 16-buyer order bench went from 509 to 639 orders/s.
    /// </summary>
    public int MaxAutoPrepare { get; set; } = 64;
}
