namespace Api.Features.ShopperSearch.Common;

/// <summary>A product as search reads it: the canonical fields plus the signals ranking needs.</summary>
sealed class ProductRow
{
    public long Id { get; init; }
    public string ProductId { get; init; } = "";
    public string ProductName { get; init; } = "";
    public string? Handle { get; init; }
    public string? ProductDetails { get; init; }
    public string? Brand { get; init; }
    public string? Category { get; init; }
    public string? SubCategory { get; init; }
    public string? Color { get; init; }
    public string? Tags { get; init; }
    public string Price { get; init; } = "";
    public double PriceNumeric { get; init; }
    public string? VariantCompareAtPrice { get; init; }
    public string? Option1Name { get; init; }
    public string? Gender { get; init; }
    public string Image1 { get; init; } = "";
    public string? Image1Description { get; init; }
    public string Status { get; init; } = "active";
    public bool DisplayFlag { get; init; } = true;
    public string? MetadataJson { get; init; }

    public float Rank { get; init; }
    public long Matched { get; init; }
    public float NameSimilarity { get; init; }
    public float[]? TextEmbedding { get; init; }
    public string? TextEmbeddingModel { get; init; }
    public float[]? ImgEmbedding { get; init; }
    public float[]? ColorLab { get; init; }
    public float[]? Color1 { get; init; }
    public float[]? Color2 { get; init; }
    public float[]? Color3 { get; init; }
    public float? Percent1 { get; init; }
    public float? Percent2 { get; init; }
    public float? Percent3 { get; init; }
    public bool MaterialMatch { get; init; }

    /// <summary>Every populated canonical field, snake_case, for the text endpoint's <c>results.data[]</c>.</summary>
    public Dictionary<string, object?> Canonical(double distance)
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["product_id"] = ProductId, ["product_name"] = ProductName,
        };
        void Put(string k, string? v) { if (!string.IsNullOrEmpty(v)) d[k] = v; }
        Put("handle", Handle); Put("brand", Brand); Put("category", Category);
        d["price"] = Price; d["price_numeric"] = PriceNumeric; d["image1"] = Image1;
        d["distance"] = distance;
        Put("product_details", ProductDetails); Put("sub_category", SubCategory); Put("color", Color); Put("tags", Tags);
        Put("variant_compare_at_price", VariantCompareAtPrice); Put("option1_name", Option1Name); Put("gender", Gender);
        Put("image1_description", Image1Description);
        d["status"] = Status; d["display_flag"] = DisplayFlag;
        if (MetadataJson is not null) d["metadata_json"] = System.Text.Json.JsonDocument.Parse(MetadataJson).RootElement.Clone();
        return d;
    }

    /// <summary>The text-and-colour endpoint's documented item.</summary>
    public Dictionary<string, object?> ColorItem(double distance) => new(StringComparer.Ordinal)
    {
        ["product_id"] = ProductId, ["product_name"] = ProductName, ["price"] = Price, ["price_numeric"] = PriceNumeric,
        ["image1"] = Image1, ["color"] = Color, ["distance"] = distance,
    };

    public Dictionary<string, object?> ImageItem(double distance) => new(StringComparer.Ordinal)
    {
        ["product_id"] = ProductId, ["product_name"] = ProductName, ["price"] = Price, ["price_numeric"] = PriceNumeric,
        ["image1"] = Image1, ["distance"] = distance,
    };
}
