using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Npgsql;

namespace Api.Features.Wholesale.Catalog.Editing;

/// <summary>
/// The catalog's write rules, shared by the key API's product writes (PUT, price, inventory, bulk-update) and by reads that
/// resolve an identifier. Runs inside the caller's transaction.
/// <list type="bullet">
/// <item>SKU unique among live products, case-insensitively (409).</item>
/// <item>A tracked product (<c>stock_quantity</c> not null) is in stock exactly when <c>stock_quantity &gt; 0</c>;
/// <c>in_stock: false</c> on it sets the quantity to 0; <c>in_stock: true</c> with nothing on hand is a 409 (send
/// <c>stock_quantity</c>). On an untracked product <c>in_stock</c> is set directly.</item>
/// <item>Every change of the tracked quantity is an <c>inventory_ledger</c> row with who (the caller) and why.</item>
/// </list>
/// </summary>
sealed class ProductEditor(AppDb db)
{
    static readonly string FindSql = Sql.Load<ProductEditor>("Find.sql");
    static readonly string LockSql = Sql.Load<ProductEditor>("Lock.sql");
    static readonly string SkuTakenSql = Sql.Load<ProductEditor>("SkuTaken.sql");
    static readonly string CategoryExistsSql = Sql.Load<ProductEditor>("CategoryExists.sql");
    static readonly string UpdateSql = Sql.Load<ProductEditor>("Update.sql");
    static readonly string LedgerSql = Sql.Load<ProductEditor>("Ledger.sql");

    public static readonly Error NotFound = Error.NotFound("NOT_FOUND", "Product not found");

    /// <summary>Digits are tried as an id first, then as a SKU; anything else is a SKU.</summary>
    public async Task<ProductView?> FindAsync(string identifier, CancellationToken ct)
    {
        var s = identifier.Trim();
        if (s.Length is 0 or > 64 || s.Contains('\0')) return null;
        long? id = s.All(char.IsAsciiDigit) && long.TryParse(s, out var n) ? n : null;
        return await db.QueryToListAsync<ProductView>(FindSql, new { Id = id, Sku = s }, ct) is [var p] ? p : null;
    }

    public async Task<ProductView?> FindAsync(long id, CancellationToken ct) =>
        await db.QueryToListAsync<ProductView>(FindSql, new { Id = (long?)id, Sku = (string?)null }, ct) is [var p] ? p : null;

    /// <summary>A live product by SKU only (bulk-update items name the SKU explicitly).</summary>
    public async Task<ProductView?> FindBySkuAsync(string sku, CancellationToken ct)
    {
        var s = sku.Trim();
        if (s.Length is 0 or > 64 || s.Contains('\0')) return null;
        return await db.QueryToListAsync<ProductView>(FindSql, new { Id = (long?)null, Sku = s }, ct) is [var p] ? p : null;
    }

    /// <summary>One write in its own transaction: resolve the identifier, apply, commit.</summary>
    public async Task<ErrorOr<ProductView>> EditAsync(string identifier, ProductPatch patch, Caller by, string why, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await FindAsync(identifier, ct) is not { } found) return NotFound;
        var result = await ApplyAsync(found.Id, patch, by, why, ct);
        if (!result.IsError) await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>Applies the sent fields of <paramref name="patch"/> to product <paramref name="id"/>; <paramref name="why"/> goes to the ledger.</summary>
    public async Task<ErrorOr<ProductView>> ApplyAsync(long id, ProductPatch patch, Caller by, string why, CancellationToken ct)
    {
        if (await db.QueryToListAsync<Locked>(LockSql, new { Id = id }, ct) is not [var row]) return NotFound;

        var sku = patch.Has("sku") ? patch.Sku!.Trim() : null;
        if (sku is not null && !sku.Equals(row.Sku, StringComparison.OrdinalIgnoreCase)
            && await db.ExecuteAsync<bool>(SkuTakenSql, new { Sku = sku, Id = id }, ct))
            return Error.Conflict("SKU_TAKEN", $"SKU '{sku}' is already used by another product");
        if (patch.Has("category_id") && patch.CategoryId is { } cat
            && !await db.ExecuteAsync<bool>(CategoryExistsSql, new { CategoryId = cat }, ct))
            return Error.Validation("category_id", "No such category");

        var oldQty = row.StockQuantity;
        var newQty = patch.Has("stock_quantity") ? patch.StockQuantity : oldQty;
        if (patch.Has("in_stock") && !patch.Has("stock_quantity") && newQty is { } tracked)
        {
            if (patch.InStock == false) newQty = 0;
            else if (tracked == 0)
                return Error.Conflict("NO_STOCK", "This product's stock is tracked and none is on hand; send stock_quantity to restock it");
        }
        var inStock = newQty is { } q ? q > 0 : patch.Has("in_stock") ? patch.InStock!.Value : row.InStock;

        try
        {
            await db.ExecuteAsync(UpdateSql, new
            {
                Id = id,
                SetName = patch.Has("name"), Name = patch.Name?.Trim(),
                SetDescription = patch.Has("description"), Description = Optional(patch.Description),
                SetCategoryId = patch.Has("category_id"), patch.CategoryId,
                SetSku = sku is not null, Sku = sku,
                SetUnitPrice = patch.Has("unit_price"), patch.UnitPrice,
                SetBulkPrice = patch.Has("bulk_price"), patch.BulkPrice,
                SetBulkQuantity = patch.Has("bulk_quantity"), patch.BulkQuantity,
                SetUnitSize = patch.Has("unit_size"), UnitSize = Optional(patch.UnitSize),
                SetBrand = patch.Has("brand"), Brand = Optional(patch.Brand),
                SetImageUrl = patch.Has("image_url"), ImageUrl = Optional(patch.ImageUrl),
                StockQuantity = newQty, InStock = inStock,
            }, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return Error.Conflict("SKU_TAKEN", $"SKU '{sku}' is already used by another product");
        }

        if (newQty != oldQty)
            await RecordAsync(id, oldQty, newQty, by, why, ct);
        return (await FindAsync(id, ct))!;
    }

    /// <summary>A ledger row for a change of tracked quantity (also the start or end of tracking).</summary>
    public async Task RecordAsync(long productId, int? oldQty, int? newQty, Caller by, string why, CancellationToken ct) =>
        await db.ExecuteAsync(LedgerSql, new
        {
            ProductId = productId, Delta = (newQty ?? 0) - (oldQty ?? 0), BalanceAfter = newQty,
            Reason = newQty is null ? "untracked" : oldQty is null ? "tracking_started" : "adjustment",
            by.ActorKind, ActorId = by.Id, Note = why,
        }, ct);

    static string? Optional(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    sealed class Locked
    {
        public long Id { get; init; }
        public string Sku { get; init; } = "";
        public int? StockQuantity { get; init; }
        public bool InStock { get; init; }
    }
}
