using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Npgsql;

namespace Api.Features.Wholesale.StaffProducts;

/// <summary>
/// The staff area's product write rules (create, PUT, bulk-save, images, inventory). Runs inside the caller's transaction.
/// <list type="bullet">
/// <item>SKU unique among live products, case-insensitively (409 <c>SKU_TAKEN</c>).</item>
/// <item>A tracked product (<c>stock_quantity</c> not null) is in stock exactly when <c>stock_quantity &gt; 0</c>;
/// <c>in_stock: false</c> sets the quantity to 0; <c>in_stock: true</c> with nothing on hand is 409 <c>NO_STOCK</c>.</item>
/// <item>Every change of the tracked quantity is an <c>inventory_ledger</c> row with who (the staff member) and why.</item>
/// <item>An <c>image_url</c> that is a data URL is decoded and re-encoded (SkiaSharp) and stored as the primary image;
/// <c>image_url</c> then names our URL of it, like every stored image.</item>
/// </list>
/// </summary>
sealed class StaffProductEditor(AppDb db, HttpContext ctx)
{
    static readonly string ViewSql = Sql.Load<StaffProductEditor>("View.sql");
    static readonly string LockSql = Sql.Load<StaffProductEditor>("Lock.sql");
    static readonly string SkuTakenSql = Sql.Load<StaffProductEditor>("SkuTaken.sql");
    static readonly string CategoryExistsSql = Sql.Load<StaffProductEditor>("CategoryExists.sql");
    static readonly string InsertSql = Sql.Load<StaffProductEditor>("Insert.sql");
    static readonly string UpdateSql = Sql.Load<StaffProductEditor>("Update.sql");
    static readonly string LedgerSql = Sql.Load<StaffProductEditor>("Ledger.sql");
    static readonly string StoreImageSql = Sql.Load<StaffProductEditor>("StoreImage.sql");
    static readonly string FirstImageSql = Sql.Load<StaffProductEditor>("FirstImage.sql");
    static readonly string SetImageUrlSql = Sql.Load<StaffProductEditor>("SetImageUrl.sql");

    public static readonly Error NotFound = Error.NotFound("NOT_FOUND", "Product not found");
    static Error SkuTaken(string sku) => Error.Conflict("SKU_TAKEN", $"SKU '{sku}' is already used by another product");

    public Caller By => Caller.From(ctx.User);

    public async Task<StaffProduct?> ViewAsync(long id, CancellationToken ct) =>
        await db.QueryToListAsync<StaffProduct>(ViewSql, new { Id = id }, ct) is [var p] ? p : null;

    /// <summary>Locks a live product for a write; false when there is none.</summary>
    public async Task<bool> LockAsync(long id, CancellationToken ct) =>
        (await db.QueryToListAsync<Locked>(LockSql, new { Id = id }, ct)).Count == 1;

    /// <summary>Creates a product from a validated patch (name, sku, unit_price, category_id present).</summary>
    public async Task<ErrorOr<StaffProduct>> CreateAsync(StaffProductPatch patch, string why, CancellationToken ct)
    {
        var sku = patch.Sku!.Trim();
        if (await db.ExecuteAsync<bool>(SkuTakenSql, new { Sku = sku, Id = 0L }, ct)) return SkuTaken(sku);
        if (patch.CategoryId is { } cat && !await db.ExecuteAsync<bool>(CategoryExistsSql, new { CategoryId = cat }, ct))
            return Error.Validation("category_id", "No such category");
        var prepared = PrepareDataUrl(patch);
        if (prepared is { IsError: true }) return prepared.Value.Errors;
        var qty = patch.StockQuantity;
        long id;
        try
        {
            id = await db.ExecuteAsync<long>(InsertSql, new
            {
                Sku = sku, Name = patch.Name!.Trim(), Description = Optional(patch.Description), patch.CategoryId, Brand = Optional(patch.Brand),
                UnitSize = Optional(patch.UnitSize), patch.UnitPrice, patch.BulkPrice, patch.BulkQuantity, StockQuantity = qty,
                InStock = qty is { } q ? q > 0 : patch.InStock ?? true, ImageUrl = patch.ImageIsDataUrl ? null : Optional(patch.ImageUrl),
                Cost = patch.CostPerItem, patch.ShipWeightOz, ShipBoxName = Optional(patch.ShipBoxName), patch.ShipBoxLength,
                patch.ShipBoxWidth, patch.ShipBoxHeight, patch.IsCustomizable,
            }, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation) { return SkuTaken(sku); }
        if (qty is not null) await RecordAsync(id, null, qty, why, ct);
        if (prepared is { } image) await StoreImageAsync(id, image.Value, primary: true, ct);
        return (await ViewAsync(id, ct))!;
    }

    /// <summary>Applies the sent fields of <paramref name="patch"/> to product <paramref name="id"/>; <paramref name="why"/> goes to the ledger.</summary>
    public async Task<ErrorOr<StaffProduct>> ApplyAsync(long id, StaffProductPatch patch, string why, CancellationToken ct)
    {
        if (await db.QueryToListAsync<Locked>(LockSql, new { Id = id }, ct) is not [var row]) return NotFound;

        var sku = patch.Has("sku") ? patch.Sku!.Trim() : null;
        if (sku is not null && !sku.Equals(row.Sku, StringComparison.OrdinalIgnoreCase)
            && await db.ExecuteAsync<bool>(SkuTakenSql, new { Sku = sku, Id = id }, ct))
            return SkuTaken(sku);
        if (patch.Has("category_id") && patch.CategoryId is { } cat
            && !await db.ExecuteAsync<bool>(CategoryExistsSql, new { CategoryId = cat }, ct))
            return Error.Validation("category_id", "No such category");
        var prepared = PrepareDataUrl(patch);
        if (prepared is { IsError: true }) return prepared.Value.Errors;

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
                SetImageUrl = patch.Has("image_url") && !patch.ImageIsDataUrl, ImageUrl = Optional(patch.ImageUrl),
                SetCost = patch.Has("cost_per_item"), Cost = patch.CostPerItem,
                SetShipWeightOz = patch.Has("ship_weight_oz"), patch.ShipWeightOz,
                SetShipBoxName = patch.Has("ship_box_name"), ShipBoxName = Optional(patch.ShipBoxName),
                SetShipBoxLength = patch.Has("ship_box_length"), patch.ShipBoxLength,
                SetShipBoxWidth = patch.Has("ship_box_width"), patch.ShipBoxWidth,
                SetShipBoxHeight = patch.Has("ship_box_height"), patch.ShipBoxHeight,
                SetIsCustomizable = patch.Has("is_customizable"), patch.IsCustomizable,
                StockQuantity = newQty, InStock = inStock,
            }, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation) { return SkuTaken(sku ?? row.Sku); }

        if (newQty != oldQty) await RecordAsync(id, oldQty, newQty, why, ct);
        if (prepared is { } image) await StoreImageAsync(id, image.Value, primary: true, ct);
        return (await ViewAsync(id, ct))!;
    }

    /// <summary>A ledger row for a change of tracked quantity (also the start or end of tracking).</summary>
    public async Task RecordAsync(long productId, int? oldQty, int? newQty, string why, CancellationToken ct)
    {
        var by = By;
        await db.ExecuteAsync(LedgerSql, new
        {
            ProductId = productId, Delta = (newQty ?? 0) - (oldQty ?? 0), BalanceAfter = newQty,
            Reason = newQty is null ? "untracked" : oldQty is null ? "tracking_started" : "adjustment",
            by.ActorKind, ActorId = by.Id, Note = why,
        }, ct);
    }

    /// <summary>Stores a prepared image (with its thumbnail) and points image_url at the primary one. Returns the image id.</summary>
    public async Task<long> StoreImageAsync(long productId, StaffPreparedImage image, bool primary, CancellationToken ct)
    {
        var imageId = await db.ExecuteAsync<long>(StoreImageSql, new
        {
            ProductId = productId, image.Content, image.ContentType, image.Width, image.Height,
            Thumbnail = StaffImagePipeline.Thumbnail(image.Content), Primary = primary,
        }, ct);
        await SyncPrimaryAsync(productId, ct);
        return imageId;
    }

    /// <summary>
    /// After any gallery change: image_url names the primary stored image; with no stored image left, an image_url of ours
    /// is cleared (an external URL set by hand stays).
    /// </summary>
    public async Task SyncPrimaryAsync(long productId, CancellationToken ct, bool clearExternal = false)
    {
        var first = await db.QueryToListAsync<long>(FirstImageSql, new { ProductId = productId }, ct);
        string? url;
        if (first is [var imageId]) url = ImageUrl(productId, imageId);
        else
        {
            var current = (await db.QueryToListAsync<Locked>(LockSql, new { Id = productId }, ct)).FirstOrDefault()?.ImageUrl;
            url = clearExternal || current is null || current.Contains($"/api/products/{productId}/image", StringComparison.Ordinal) ? null : current;
        }
        await db.ExecuteAsync(SetImageUrlSql, new { Id = productId, ImageUrl = url }, ct);
    }

    /// <summary>Our URL of a stored image (the core's public image route; <c>v</c> changes with each image for caches).</summary>
    public string ImageUrl(long productId, long imageId) =>
        $"{ctx.Request.PathBase}{Api.Infrastructure.Modules.Modules.Wholesale.BasePath}/api/products/{productId}/image?v={imageId}";

    static ErrorOr<StaffPreparedImage>? PrepareDataUrl(StaffProductPatch patch)
    {
        if (!patch.Has("image_url") || !patch.ImageIsDataUrl) return null;
        if (StaffImagePipeline.DecodeDataUrl(patch.ImageUrl!) is not { } bytes) return Error.Validation("image_url", "Must be a data:image/...;base64, URL");
        var prepared = StaffImagePipeline.Prepare(bytes);
        if (prepared.IsError)
        {
            var e = prepared.FirstError;
            return Error.Validation("image_url", e.Description);
        }
        return prepared.Value;
    }

    static string? Optional(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    sealed class Locked
    {
        public long Id { get; init; }
        public string Sku { get; init; } = "";
        public int? StockQuantity { get; init; }
        public bool InStock { get; init; }
        public string? ImageUrl { get; init; }
    }
}
