using SkiaSharp;

namespace Api.Features.ShopperSearch.Common;

/// <summary>One dominant colour of an image: its sRGB value, CIELAB, HSV, coverage percentage and nearest colour name.</summary>
sealed record DominantColor(byte R, byte G, byte B, Lab Lab, float[] Hsv, float Percent, string Name);

sealed record ImageFeatures(IReadOnlyList<DominantColor> Colors, float[] Descriptor);

sealed record CropBox(int X, int Y, int Width, int Height);

sealed class ImageDecodeException(string message) : Exception(message);

/// <summary>
/// Decodes JPEG/PNG/WebP (SkiaSharp), optionally crops, downsamples to 64×64 and derives three dominant colours (k-means in
/// CIELAB, with coverage percentages) and a visual descriptor: a 4×4×4 RGB histogram plus the mean CIELAB of a 3×3 grid,
/// L2-normalised (100 dimensions). Both the catalog pipeline and image search use it, so they compare like with like.
/// </summary>
static class ImageAnalysis
{
    public const int DescriptorDimensions = 64 + 27 + 9;

    public static bool IsSupportedFormat(byte[] bytes, out string format)
    {
        format = "";
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null) return false;
        format = codec.EncodedFormat.ToString().ToLowerInvariant();
        return codec.EncodedFormat is SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp
            or SKEncodedImageFormat.Gif or SKEncodedImageFormat.Bmp;
    }

    public static ImageFeatures Analyze(byte[] bytes, CropBox? crop = null)
    {
        using var decoded = SKBitmap.Decode(bytes) ?? throw new ImageDecodeException("The file is not a decodable image.");
        SKBitmap source = decoded;
        SKBitmap? cropped = null;
        if (crop is not null)
        {
            var rect = SKRectI.Intersect(new SKRectI(crop.X, crop.Y, crop.X + crop.Width, crop.Y + crop.Height), new SKRectI(0, 0, decoded.Width, decoded.Height));
            if (rect.Width < 1 || rect.Height < 1) throw new ImageDecodeException("crop_values fall outside the image.");
            cropped = new SKBitmap();
            if (!decoded.ExtractSubset(cropped, rect)) throw new ImageDecodeException("crop_values could not be applied.");
            source = cropped;
        }
        using var small = source.Resize(new SKImageInfo(64, 64, SKColorType.Rgba8888, SKAlphaType.Unpremul), new SKSamplingOptions(SKFilterMode.Linear))
            ?? throw new ImageDecodeException("The image could not be resized.");
        cropped?.Dispose();

        var pixels = new List<(byte R, byte G, byte B, Lab Lab, int X, int Y)>(4096);
        for (var y = 0; y < 64; y++)
            for (var x = 0; x < 64; x++)
            {
                var c = small.GetPixel(x, y);
                if (c.Alpha < 128) continue;
                pixels.Add((c.Red, c.Green, c.Blue, Colors.ToLab(c.Red, c.Green, c.Blue), x, y));
            }
        if (pixels.Count == 0) throw new ImageDecodeException("The image is fully transparent.");
        return new ImageFeatures(Dominant(pixels.Select(p => (p.R, p.G, p.B, p.Lab)).ToList()), Descriptor(pixels));
    }

    static List<DominantColor> Dominant(List<(byte R, byte G, byte B, Lab Lab)> px)
    {
        const int k = 3;
        // deterministic k-means++-style seeding: first the median-lightness pixel, then the farthest from chosen centres
        var centres = new List<Lab> { px.OrderBy(p => p.Lab.L).ElementAt(px.Count / 2).Lab };
        while (centres.Count < k) centres.Add(px.MaxBy(p => centres.Min(c => c.DeltaE(p.Lab))).Lab);
        var assign = new int[px.Count];
        for (var iter = 0; iter < 12; iter++)
        {
            for (var i = 0; i < px.Count; i++)
            {
                var best = 0; var bestD = double.MaxValue;
                for (var c = 0; c < centres.Count; c++) { var d = centres[c].DeltaE(px[i].Lab); if (d < bestD) (best, bestD) = (c, d); }
                assign[i] = best;
            }
            for (var c = 0; c < centres.Count; c++)
            {
                var members = Enumerable.Range(0, px.Count).Where(i => assign[i] == c).ToList();
                if (members.Count > 0) centres[c] = new Lab(members.Average(i => px[i].Lab.L), members.Average(i => px[i].Lab.A), members.Average(i => px[i].Lab.B));
            }
        }
        return Enumerable.Range(0, centres.Count).Select(c =>
            {
                var members = Enumerable.Range(0, px.Count).Where(i => assign[i] == c).ToList();
                if (members.Count == 0) return null;
                var (r, g, b) = ((byte)members.Average(i => px[i].R), (byte)members.Average(i => px[i].G), (byte)members.Average(i => px[i].B));
                var lab = Colors.ToLab(r, g, b);
                return new DominantColor(r, g, b, lab, Colors.ToHsv(r, g, b), (float)Math.Round(100.0 * members.Count / px.Count, 2), Colors.NearestName(lab));
            })
            .OfType<DominantColor>().OrderByDescending(d => d.Percent).ToList();
    }

    static float[] Descriptor(List<(byte R, byte G, byte B, Lab Lab, int X, int Y)> px)
    {
        var v = new float[DescriptorDimensions];
        foreach (var p in px) v[(p.R >> 6) * 16 + (p.G >> 6) * 4 + (p.B >> 6)] += 1f / px.Count;
        for (var cell = 0; cell < 9; cell++)
        {
            var members = px.Where(p => p.X * 3 / 64 + 3 * (p.Y * 3 / 64) == cell).ToList();
            if (members.Count == 0) continue;
            v[64 + cell * 3] = (float)(members.Average(p => p.Lab.L) / 100.0 * 0.5);
            v[64 + cell * 3 + 1] = (float)(members.Average(p => p.Lab.A) / 128.0 * 0.5);
            v[64 + cell * 3 + 2] = (float)(members.Average(p => p.Lab.B) / 128.0 * 0.5);
            v[91 + cell] = (float)(members.Count / (double)px.Count);
        }
        return LocalEmbedding.Normalize(v);
    }
}
