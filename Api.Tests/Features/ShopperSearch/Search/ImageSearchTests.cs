using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Api.Features.ShopperSearch.Common;
using Npgsql;
using SkiaSharp;

namespace Api.Tests.Features.ShopperSearch.Search;

/// <summary>
/// Image search against catalogs whose products were analysed from small generated images (the same analysis the pipeline
/// runs on fetched product images), for two merchants, plus the demo catalog whose colours come from stated colours only.
/// </summary>
public sealed class ImageSearchTests(ShopperApi api) : IClassFixture<ShopperApi>
{
    const long A = 880001, B = 880002;
    static readonly SKColor Red = new(200, 30, 40), Navy = new(20, 30, 95), Green = new(30, 140, 60), Yellow = new(235, 200, 40);
    static readonly SKColor White = new(245, 245, 245);

    Task SeedAsync() => api.OnceAsync(nameof(ImageSearchTests), async () =>
    {
        await api.SeedAsync();
        await InsertAsync(A, [("A-RED", "Red Cotton Tee", Red), ("A-NAVY", "Navy Wool Blazer", Navy), ("A-GREEN", "Green Midi Dress", Green),
                              ("A-YELLOW", "Yellow Rain Jacket", Yellow)]);
        await InsertAsync(B, [("B-RED", "Red Satin Gown", Red), ("B-GREEN", "Green Parka", Green)]);
    });

    /// <summary>A product photo: the garment colour in the middle of a light background.</summary>
    static byte[] Photo(SKColor garment, SKEncodedImageFormat format = SKEncodedImageFormat.Png, int size = 96, SKColor? right = null)
    {
        using var bmp = new SKBitmap(size, size);
        using (var canvas = new SKCanvas(bmp))
        {
            canvas.Clear(White);
            using var paint = new SKPaint { Color = garment };
            canvas.DrawRect(size / 6f, size / 8f, size * 2 / 3f, size * 3 / 4f, paint);
            if (right is { } r)
            {
                using var p2 = new SKPaint { Color = r };
                canvas.DrawRect(size / 2f, 0, size / 2f, size, p2);
            }
        }
        using var image = SKImage.FromBitmap(bmp);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    async Task InsertAsync(long merchant, (string Id, string Name, SKColor Color)[] products)
    {
        await using var conn = api.OwnerConnection();
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await Exec(conn, tx, "select set_config('app.tenant_id', $1, true)", merchant.ToString(CultureInfo.InvariantCulture));
        foreach (var (id, name, color) in products)
        {
            var f = ImageAnalysis.Analyze(Photo(color));
            float[]? Lab(int i) => f.Colors.Count > i ? f.Colors[i].Lab.ToArray() : null;
            float? Pct(int i) => f.Colors.Count > i ? f.Colors[i].Percent : null;
            await Exec(conn, tx, """
                insert into shopper.products (merchant_id, product_id, product_name, price, price_numeric, image1, color_embedding_1, color_embedding_2,
                    color_embedding_3, percent_1, percent_2, percent_3, img_embedding, enriched_at)
                values ($1, $2, $3, '50.00', 50, $4, $5, $6, $7, $8, $9, $10, $11, now())
                """, merchant, id, name, $"https://cdn.example.com/{id}.jpg", Lab(0), Lab(1), Lab(2), Pct(0), Pct(1), Pct(2), f.Descriptor);
        }
        await tx.CommitAsync();
    }

    static async Task Exec(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, params object?[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a ?? DBNull.Value });
        await cmd.ExecuteNonQueryAsync();
    }

    static MultipartFormDataContent Form(byte[]? file, string contentType = "image/png", params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        if (file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(part, "file", "reference.png");
        }
        foreach (var (n, v) in fields) form.Add(new StringContent(v), n);
        return form;
    }

    static async Task<(int Status, JsonNode Body)> Upload(HttpClient c, HttpContent content)
    {
        var rsp = await c.PostAsync("/shopper/api/v1/product/search/image", content);
        var text = await rsp.Content.ReadAsStringAsync();
        Assert.True(text.Length > 0, $"empty {(int)rsp.StatusCode} answer");
        return ((int)rsp.StatusCode, JsonNode.Parse(text)!);
    }

    static List<string> Ids(JsonNode body) => body["results"]!.AsArray().Select(i => (string)i!["product_id"]!).ToList();

    [Fact]
    public async Task Finds_the_visually_closest_products_as_a_flat_results_array()
    {
        await SeedAsync();
        var shade = new SKColor(185, 40, 45);   // not the catalog's exact red, and a JPEG
        var (status, body) = await Upload(api.Merchant(A), Form(Photo(shade, SKEncodedImageFormat.Jpeg), "image/jpeg", ("limit", "3")));
        Assert.Equal(200, status);
        Assert.True((bool)body["success"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["recommendation"]));
        var results = body["results"]!.AsArray();
        Assert.Equal(3, results.Count);
        Assert.Equal("A-RED", (string)results[0]!["product_id"]!);
        Assert.Equal(["distance", "image1", "price", "price_numeric", "product_id", "product_name"],
            results[0]!.AsObject().Select(kv => kv.Key).Order().ToArray());
        var distances = results.Select(r => (double)r!["distance"]!).ToList();
        Assert.Equal(distances.Order().ToList(), distances);
        Assert.InRange(distances[0], 0, 0.2);

        var (_, green) = await Upload(api.Merchant(A), Form(Photo(new SKColor(40, 150, 70), SKEncodedImageFormat.Webp), "image/webp"));
        Assert.Equal("A-GREEN", Ids(green)[0]);
        Assert.Equal(4, Ids(green).Count);   // default limit 10, four products
    }

    [Fact]
    public async Task Crop_values_select_the_part_of_the_image_that_is_searched()
    {
        await SeedAsync();
        var twoTone = Photo(Navy, size: 200, right: Yellow);   // navy garment on the left, a yellow right half
        var (_, left) = await Upload(api.Merchant(A), Form(twoTone, "image/png", ("crop_values", """{"x": 40, "y": 40, "width": 50, "height": 100}""")));
        Assert.Equal("A-NAVY", Ids(left)[0]);
        var (_, right) = await Upload(api.Merchant(A), Form(twoTone, "image/png", ("crop_values", """{"x": 120, "y": 20, "width": 70, "height": 150}""")));
        Assert.Equal("A-YELLOW", Ids(right)[0]);
    }

    [Fact]
    public async Task Merchants_only_see_their_own_products()
    {
        await SeedAsync();
        var (_, a) = await Upload(api.Merchant(A), Form(Photo(Red)));
        Assert.All(Ids(a), id => Assert.StartsWith("A-", id));
        var (_, b) = await Upload(api.Merchant(B), Form(Photo(Red)));
        Assert.Equal(["B-RED", "B-GREEN"], Ids(b));
        var (status, empty) = await Upload(api.Merchant(999_999), Form(Photo(Red)));
        Assert.Equal(200, status);
        Assert.Empty(empty["results"]!.AsArray());
    }

    [Fact]
    public async Task Demo_catalog_ranks_by_stated_colour()
    {
        await SeedAsync();
        var (status, body) = await Upload(api.Merchant(Shopper.Demo), Form(Photo(new SKColor(25, 35, 100)), "image/png", ("limit", "5")));
        Assert.Equal(200, status);
        Assert.Contains("SKU-1004", Ids(body).Take(3));   // Navy Linen Blazer
        Assert.DoesNotContain("SKU-1030", Ids(body));      // archived
    }

    [Fact]
    public async Task Oversized_files_are_413()
    {
        await SeedAsync();
        var big = new byte[10 * 1024 * 1024 + 1];
        Photo(Red).CopyTo(big, 0);
        var (status, body) = await Upload(api.Merchant(A), Form(big));
        Assert.Equal(413, status);
        Assert.Equal("File too large: images up to 10 MB are accepted", (string?)body["detail"]);
    }

    [Fact]
    public async Task Files_that_are_not_jpeg_png_or_webp_are_415()
    {
        await SeedAsync();
        var (status, body) = await Upload(api.Merchant(A), Form("just some text"u8.ToArray(), "text/plain"));
        Assert.Equal(415, status);
        Assert.Contains("JPEG, PNG or WebP", (string?)body["detail"]);
        var (gif, _) = await Upload(api.Merchant(A), Form(Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"), "image/gif"));
        Assert.Equal(415, gif);
        var truncated = Photo(Red, SKEncodedImageFormat.Jpeg)[..40];   // a JPEG header and nothing more
        var (broken, _) = await Upload(api.Merchant(A), Form(truncated, "image/jpeg"));
        Assert.InRange(broken, 400, 499);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2, 3, 4]")]
    [InlineData("""{"x": -1, "y": 0, "width": 10, "height": 10}""")]
    [InlineData("""{"x": 0, "y": 0, "width": 0, "height": 10}""")]
    [InlineData("""{"x": 0, "y": 0, "width": "ten", "height": 10}""")]
    [InlineData("""{"x": 0, "y": 0, "width": 10}""")]
    [InlineData("""{"x": 5000, "y": 0, "width": 10, "height": 10}""")]
    public async Task Bad_crop_values_are_422(string crop)
    {
        await SeedAsync();
        var (status, body) = await Upload(api.Merchant(A), Form(Photo(Red), "image/png", ("crop_values", crop)));
        Assert.Equal(422, status);
        var error = Assert.Single(body["detail"]!.AsArray())!;
        Assert.Equal(["body", "crop_values"], error["loc"]!.AsArray().Select(x => (string)x!).ToArray());
    }

    [Fact]
    public async Task Missing_file_and_bad_fields_are_422()
    {
        await SeedAsync();
        var (status, body) = await Upload(api.Merchant(A), Form(null, "image/png", ("limit", "5")));
        Assert.Equal(422, status);
        var error = Assert.Single(body["detail"]!.AsArray())!;
        Assert.Equal(["body", "file"], error["loc"]!.AsArray().Select(x => (string)x!).ToArray());
        Assert.Equal("field required", (string?)error["msg"]);

        var (json, _) = await Upload(api.Merchant(A), new StringContent("""{"file": "x"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(422, json);
        var (limit, lb) = await Upload(api.Merchant(A), Form(Photo(Red), "image/png", ("limit", "many"), ("user_profile_id", "x")));
        Assert.Equal(422, limit);
        Assert.Equal(2, lb["detail"]!.AsArray().Count);
        Assert.Equal(422, (await Upload(api.Merchant(A), Form(Photo(Red), "image/png", ("limit", "0")))).Status);
    }

    [Fact]
    public async Task Malformed_multipart_is_400_and_no_merchant_header_is_400()
    {
        await SeedAsync();
        var broken = new ByteArrayContent("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nabc"u8.ToArray());
        broken.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=xyz");
        var (status, body) = await Upload(api.Merchant(A), broken);
        Assert.Equal(400, status);
        Assert.IsType<string>((string?)body["detail"]);

        var (missing, mb) = await Upload(api.CreateClient(), Form(Photo(Red)));
        Assert.Equal(400, missing);
        Assert.Equal("Missing or invalid X-Merchant-ID header", (string?)mb["detail"]);
    }
}
