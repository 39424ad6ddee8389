using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Api.Features.Wholesale.StaffProducts;

/// <summary>
/// The staff product fields a write may change (create, PUT, bulk-save items). Each setter records that its field was sent,
/// so a partial update changes only the fields present: absent stays, explicit <c>null</c> clears an optional field,
/// <c>stock_quantity: null</c> stops tracking stock. <c>image_url</c> may also be a <c>data:image/...;base64,</c> URL (what
/// <c>upload-image</c> returns): the image is decoded, re-encoded and stored in the database as the primary image.
/// </summary>
partial class StaffProductPatch
{
    [JsonIgnore] internal HashSet<string> Given { get; } = [];
    public bool Has(string field) => Given.Contains(field);

    string? _name, _description, _sku, _unitSize, _brand, _imageUrl, _shipBoxName;
    long? _categoryId;
    decimal? _unitPrice, _bulkPrice, _costPerItem, _shipWeightOz, _shipBoxLength, _shipBoxWidth, _shipBoxHeight;
    int? _bulkQuantity, _stockQuantity;
    bool? _inStock, _isCustomizable;

    public string? Name { get => _name; set { _name = value; Given.Add("name"); } }
    public string? Description { get => _description; set { _description = value; Given.Add("description"); } }
    public long? CategoryId { get => _categoryId; set { _categoryId = value; Given.Add("category_id"); } }
    public string? Sku { get => _sku; set { _sku = value; Given.Add("sku"); } }
    public decimal? UnitPrice { get => _unitPrice; set { _unitPrice = value; Given.Add("unit_price"); } }
    public decimal? BulkPrice { get => _bulkPrice; set { _bulkPrice = value; Given.Add("bulk_price"); } }
    public int? BulkQuantity { get => _bulkQuantity; set { _bulkQuantity = value; Given.Add("bulk_quantity"); } }
    public string? UnitSize { get => _unitSize; set { _unitSize = value; Given.Add("unit_size"); } }
    public string? Brand { get => _brand; set { _brand = value; Given.Add("brand"); } }
    public bool? InStock { get => _inStock; set { _inStock = value; Given.Add("in_stock"); } }
    public int? StockQuantity { get => _stockQuantity; set { _stockQuantity = value; Given.Add("stock_quantity"); } }
    public string? ImageUrl { get => _imageUrl; set { _imageUrl = value; Given.Add("image_url"); } }
    public decimal? CostPerItem { get => _costPerItem; set { _costPerItem = value; Given.Add("cost_per_item"); } }
    public decimal? ShipWeightOz { get => _shipWeightOz; set { _shipWeightOz = value; Given.Add("ship_weight_oz"); } }
    public string? ShipBoxName { get => _shipBoxName; set { _shipBoxName = value; Given.Add("ship_box_name"); } }
    public decimal? ShipBoxLength { get => _shipBoxLength; set { _shipBoxLength = value; Given.Add("ship_box_length"); } }
    public decimal? ShipBoxWidth { get => _shipBoxWidth; set { _shipBoxWidth = value; Given.Add("ship_box_width"); } }
    public decimal? ShipBoxHeight { get => _shipBoxHeight; set { _shipBoxHeight = value; Given.Add("ship_box_height"); } }
    public bool? IsCustomizable { get => _isCustomizable; set { _isCustomizable = value; Given.Add("is_customizable"); } }

    public const decimal MaxMoney = 9_999_999_999.99m;
    public const int MaxStock = 1_000_000_000;
    /// <summary>Shipping figures (ounces, inches): 0 to 99,999.99 with at most two decimals.</summary>
    public const decimal MaxShip = 99_999.99m;
    /// <summary>A data URL of a 5 MB image in base64 is about 7 MB; a little room for the prefix.</summary>
    public const int MaxDataUrl = 7_100_000;

    public bool ImageIsDataUrl => ImageUrl is { } u && u.StartsWith("data:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Field problems (wire names), checked before any database work.</summary>
    public List<(string Field, string Message)> Problems()
    {
        var p = new List<(string, string)>();
        void Text(string field, string? value, int max, bool required)
        {
            if (!Has(field)) return;
            if (value is null || (required && value.Trim().Length == 0)) { if (required) p.Add((field, "Must not be empty")); return; }
            if (value.Length > max) p.Add((field, $"Must be at most {max} characters"));
            if (value.Contains('\0')) p.Add((field, "Must not contain NUL characters"));
        }
        void Number(string field, decimal? value, bool required, decimal max)
        {
            if (!Has(field)) return;
            if (value is not { } v) { if (required) p.Add((field, "Must not be null")); return; }
            if (v < 0 || v > max) p.Add((field, $"Must be between 0 and {max}"));
            else if (!Common.Money.HasAtMostTwoDecimals(v)) p.Add((field, Common.Money.TwoDecimalsMessage));
        }
        Text("name", Name, 200, required: true);
        Text("description", Description, 10_000, required: false);
        Text("unit_size", UnitSize, 100, required: false);
        Text("brand", Brand, 200, required: false);
        Text("ship_box_name", ShipBoxName, 100, required: false);
        if (Has("sku"))
        {
            if (string.IsNullOrWhiteSpace(Sku)) p.Add(("sku", "Must not be empty"));
            else if (!SkuPattern().IsMatch(Sku.Trim())) p.Add(("sku", "Must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        Number("unit_price", UnitPrice, true, MaxMoney);
        Number("bulk_price", BulkPrice, false, MaxMoney);
        Number("cost_per_item", CostPerItem, false, MaxMoney);
        Number("ship_weight_oz", ShipWeightOz, false, MaxShip);
        Number("ship_box_length", ShipBoxLength, false, MaxShip);
        Number("ship_box_width", ShipBoxWidth, false, MaxShip);
        Number("ship_box_height", ShipBoxHeight, false, MaxShip);
        if (Has("bulk_quantity") && BulkQuantity is { } bq && bq is < 1 or > 1_000_000) p.Add(("bulk_quantity", "Must be between 1 and 1000000"));
        if (Has("category_id") && CategoryId is { } c && c < 1) p.Add(("category_id", "Must be a positive id"));
        if (Has("in_stock") && InStock is null) p.Add(("in_stock", "Must be true or false"));
        if (Has("is_customizable") && IsCustomizable is null) p.Add(("is_customizable", "Must be true or false"));
        if (Has("stock_quantity") && StockQuantity is { } s && s is < 0 or > MaxStock) p.Add(("stock_quantity", $"Must be between 0 and {MaxStock}"));
        if (Has("in_stock") && Has("stock_quantity") && StockQuantity is { } q && InStock is { } i && i != q > 0)
            p.Add(("in_stock", "Contradicts stock_quantity: a tracked product is in stock exactly when stock_quantity > 0"));
        if (Has("image_url") && ImageUrl is { } url)
        {
            if (ImageIsDataUrl)
            {
                if (url.Length > MaxDataUrl) p.Add(("image_url", "The image is larger than 5 MB"));
                else if (StaffImagePipeline.DecodeDataUrl(url) is null) p.Add(("image_url", "Must be a data:image/...;base64, URL"));
            }
            else if (url.Length > 2048) p.Add(("image_url", "Must be at most 2048 characters"));
            else if (!IsImageUrl(url)) p.Add(("image_url", "Must be an absolute http(s) URL, a path starting with '/' or a data:image URL"));
        }
        return p;
    }

    static bool IsImageUrl(string url) =>
        url.Length == 0
        || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Any(char.IsControl))
        || (Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" && !url.Any(char.IsControl));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")] internal static partial Regex SkuPattern();
}
