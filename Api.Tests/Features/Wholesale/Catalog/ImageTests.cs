using System.Net;
using System.Net.Http.Headers;
using Api.Tests.Infrastructure;
using SkiaSharp;

namespace Api.Tests.Features.Wholesale.Catalog;

/// <summary>The image pipeline: a real PNG in through the key API, a re-encoded image stored, a JPEG thumbnail out.</summary>
public sealed class ImageTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static byte[] Png(int w, int h, SKColor color, bool transparent = false)
    {
        using var bmp = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bmp))
        {
            canvas.Clear(transparent ? SKColors.Transparent : SKColors.White);
            using var paint = new SKPaint { Color = color };
            canvas.DrawRect(w / 4f, h / 4f, w / 2f, h / 2f, paint);
        }
        using var img = SKImage.FromBitmap(bmp);
        return img.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    static MultipartFormDataContent Form(byte[] bytes, string type = "image/png", string field = "image")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { file, field, "photo.png" } };
    }

    [Fact]
    public async Task A_png_upload_becomes_the_primary_image_with_a_jpeg_thumbnail()
    {
        var id = await api.CreateProductAsync();
        var key = api.KeyClient(await api.CreateApiKeyAsync());
        var rsp = await key.PostAsync($"{WsKit.Base}/api/v1/products/{id}/image", Form(Png(2400, 1200, SKColors.Red)));
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.True((bool)body["success"]!);
        var url = (string)body["image_url"]!;
        Assert.StartsWith($"{WsKit.Base}/api/products/{id}/image?v=", url);
        Assert.Equal(url, (string)body["product"]!["image_url"]!);

        // stored re-encoded, within 2,000 px
        var (w, h) = (await api.Scalar<int>("select width from wholesale.product_images where product_id = $1 and position = 0", id),
                      await api.Scalar<int>("select height from wholesale.product_images where product_id = $1 and position = 0", id));
        Assert.Equal((2000, 1000), (w, h));

        var thumb = await api.CreateClient().GetAsync($"{WsKit.Base}/api/products/{id}/thumbnail");
        Assert.Equal(HttpStatusCode.OK, thumb.StatusCode);
        Assert.Equal("image/jpeg", thumb.Content.Headers.ContentType!.MediaType);
        var bytes = await thumb.Content.ReadAsByteArrayAsync();
        using var codec = SKCodec.Create(SKData.CreateCopy(bytes));
        Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
        Assert.True(codec.Info.Width <= 300 && codec.Info.Height <= 300);
        Assert.Equal(300, codec.Info.Width);

        var full = await api.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal("image/jpeg", full.Content.Headers.ContentType!.MediaType);   // opaque PNG re-encoded as JPEG
    }

    [Fact]
    public async Task A_transparent_png_stays_png_and_a_thumbnail_is_made_and_cached_on_first_request()
    {
        var id = await api.CreateProductAsync();
        await api.Exec("insert into wholesale.product_images (product_id, content, content_type, position) values ($1, $2, 'image/png', 0)",
            id, Png(640, 480, SKColors.Blue, transparent: true));
        Assert.Equal(0L, await api.Scalar<long>("select count(thumbnail) from wholesale.product_images where product_id = $1", id));
        var thumb = await api.CreateClient().GetAsync($"{WsKit.Base}/api/products/{id}/thumbnail");
        Assert.Equal(HttpStatusCode.OK, thumb.StatusCode);
        Assert.Equal("image/jpeg", thumb.Content.Headers.ContentType!.MediaType);
        Assert.Equal(1L, await api.Scalar<long>("select count(thumbnail) from wholesale.product_images where product_id = $1", id));

        var key = api.KeyClient(await api.CreateApiKeyAsync());
        var rsp = await key.PostAsync($"{WsKit.Base}/api/v1/products/{id}/image", Form(Png(100, 100, SKColors.Green, transparent: true)));
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        Assert.Equal("image/png", await api.Scalar<string>("select content_type from wholesale.product_images where product_id = $1 and position = 0", id));
        Assert.Equal(2L, await api.Scalar<long>("select count(*) from wholesale.product_images where product_id = $1", id));
    }

    [Fact]
    public async Task No_image_is_a_404_in_the_envelope()
    {
        var id = await api.CreateProductAsync();
        var rsp = await api.CreateClient().GetAsync($"{WsKit.Base}/api/products/{id}/thumbnail");
        Assert.Equal(HttpStatusCode.NotFound, rsp.StatusCode);
        Assert.False((bool)(await rsp.Json())["success"]!);
    }

    [Fact]
    public async Task Bad_uploads_are_4xx()
    {
        var id = await api.CreateProductAsync();
        var key = api.KeyClient(await api.CreateApiKeyAsync());
        var url = $"{WsKit.Base}/api/v1/products/{id}/image";
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await key.PostAsync(url, Form("not an image at all"u8.ToArray()))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await key.PostAsync(url, Form(Png(10, 10, SKColors.Red), field: "file"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await key.PostAsync(url, new StringContent("{}"))).StatusCode);
        var big = new byte[6 * 1024 * 1024];
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await key.PostAsync(url, Form(big))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await key.PostAsync($"{WsKit.Base}/api/v1/products/NO-SUCH-SKU-Q/image", Form(Png(10, 10, SKColors.Red)))).StatusCode);
        var readOnly = api.KeyClient(await api.CreateApiKeyAsync(["products:read"]));
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsync(url, Form(Png(10, 10, SKColors.Red)))).StatusCode);
    }
}
