using System.Text.Json;
using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using SkiaSharp;

namespace Api.Features.ShopperSearch.Search.Image;

/// <summary>
/// The upload is analysed exactly as the pipeline analyses catalog images (<see cref="ImageAnalysis"/>): three dominant colours
/// with coverage and a 100-dimension visual descriptor. Candidates are the merchant's products nearest each dominant colour;
/// each is scored by colour similarity (the upload's colours weighted by coverage, against the product's stated and dominant
/// colours) and, when the product has one, the cosine of the visual descriptors: score = ½ visual + ½ colour, or colour alone;
/// <c>distance = 1 − score</c>.
/// </summary>
sealed class Handler(AppDb db, TenantContext tenant, PreferencesStore preferences, Recommender recommender)
    : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string CandidatesSql = Sql.Load<Handler>("Image.sql");
    const int Pool = 300;
    const long MaxPixels = 40_000_000;

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (req.Problem == UploadProblem.TooLarge || req.FileLength > Request.MaxFileBytes)
            return Error.Custom(413, "Image.TooLarge", "File too large: images up to 10 MB are accepted");
        if (req.Problem == UploadProblem.Malformed)
            return Error.Custom(400, "Image.Malformed", "The multipart/form-data body could not be read");

        var errors = new List<Error>();
        if (req.FileLength is null) errors.Add(Invalid("file", Rules.Required, Rules.MissingType));
        else if (req.FileLength == 0) errors.Add(Invalid("file", "the uploaded file is empty", "value_error"));
        var limit = 10L;
        if (req.Limit is not null && (!Request.TryInt(req.Limit, out limit) || limit is < 1 or > 100))
            errors.Add(Invalid("limit", "ensure this value is an integer between 1 and 100", "value_error.number.not_in_range", req.Limit));
        long? profileId = null;
        if (!string.IsNullOrWhiteSpace(req.UserProfileId))
        {
            if (Request.TryInt(req.UserProfileId, out var pid) && pid > 0) profileId = pid;
            else errors.Add(Invalid("user_profile_id", "value is not a valid integer", "type_error.integer", req.UserProfileId));
        }
        CropBox? crop = null;
        if (!string.IsNullOrWhiteSpace(req.CropValues))
        {
            if (ParseCrop(req.CropValues) is { } c) crop = c;
            else errors.Add(Invalid("crop_values", "crop_values must be a JSON object {x, y, width, height} with x, y ≥ 0 and width, height > 0 (pixels)", "value_error.crop", req.CropValues));
        }
        if (errors.Count > 0) return errors;

        var bytes = req.File!;
        using (var data = SKData.CreateCopy(bytes))
        using (var codec = SKCodec.Create(data))
        {
            if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
                return Error.Custom(415, "Image.UnsupportedType", "Unsupported file type: upload a JPEG, PNG or WebP image");
            if ((long)codec.Info.Width * codec.Info.Height > MaxPixels)
                return Error.Custom(413, "Image.TooManyPixels", "Image too large: at most 40 megapixels are accepted");
            if (crop is not null && (crop.X >= codec.Info.Width || crop.Y >= codec.Info.Height))
                return Invalid("crop_values", $"crop_values fall outside the {codec.Info.Width}×{codec.Info.Height} image", "value_error.crop", req.CropValues);
        }
        ImageFeatures features;
        try { features = ImageAnalysis.Analyze(bytes, crop); }
        catch (ImageDecodeException e) when (crop is not null && e.Message.Contains("crop", StringComparison.Ordinal))
        { return Invalid("crop_values", e.Message, "value_error.crop", req.CropValues); }
        catch (ImageDecodeException e) { return Error.Custom(400, "Image.Undecodable", $"The image could not be read: {e.Message}"); }

        var merchant = ShopperSearchAuth.MerchantOf(tenant);
        await using var tx = await db.BeginTenantAsync(ct);
        float[] Q(int i) => features.Colors.Count > i ? features.Colors[i].Lab.ToArray() : [];
        var rows = await db.QueryToListAsync<ProductRow>(CandidatesSql, new { Merchant = merchant, Q1 = Q(0), Q2 = Q(1), Q3 = Q(2), Pool }, ct);
        var stored = profileId is { } p ? await preferences.GetAsync(db, merchant, p, ct) : null;
        await tx.CommitAsync(ct);

        var ranked = rows.Select(r => (Row: r, Distance: Math.Round(Math.Clamp(1 - Score(features, r), 0, 1), 4)))
            .OrderBy(h => h.Distance).ThenBy(h => h.Row.Id).Take((int)limit).ToList();
        var top = ranked.Select(h => h.Row).ToList();
        var who = new ShopperContext(req.UserName, ConversationalStyle: req.ConversationalStyle ?? stored?.ConversationalStyle,
            PersonalFashionStyle: stored?.PersonalFashionStyle);
        var recommendation = await recommender.RecommendAsync("", features.Colors.FirstOrDefault()?.Name, null, null, top, who, false, ct);
        return new Response(ranked.Select(h => h.Row.ImageItem(h.Distance)).ToList(), recommendation, true);
    }

    /// <summary>In [0, 1]: colour similarity weighted by the upload's colour coverage, averaged with descriptor cosine when present.</summary>
    public static double Score(ImageFeatures query, ProductRow r)
    {
        var total = query.Colors.Sum(c => (double)c.Percent);
        var color = total <= 0 ? 0 : query.Colors.Sum(c => c.Percent / total * SearchEngine.ColorSimilarity(r, c.Lab));
        if (r.ImgEmbedding is not { Length: ImageAnalysis.DescriptorDimensions } img) return color;
        var visual = Math.Max(0, LocalEmbedding.Cosine(query.Descriptor, img));
        return 0.5 * visual + 0.5 * color;
    }

    static CropBox? ParseCrop(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
            int? Get(string name)
            {
                foreach (var prop in doc.RootElement.EnumerateObject())
                    if (string.Equals(prop.Name, name, StringComparison.OrdinalIgnoreCase) && prop.Value.ValueKind == JsonValueKind.Number
                        && prop.Value.TryGetDouble(out var d) && double.IsFinite(d) && Math.Abs(d) < 1_000_000)
                        return (int)Math.Round(d);
                return null;
            }
            return (Get("x"), Get("y"), Get("width"), Get("height")) is ({ } x and >= 0, { } y and >= 0, { } w and > 0, { } h and > 0)
                ? new CropBox(x, y, w, h) : null;
        }
        catch (JsonException) { return null; }
    }

    static Error Invalid(string field, string message, string type, object? value = null) =>
        Error.Validation(field, message, new() { ["field"] = field, ["location"] = "body", ["type"] = type, ["value"] = value ?? "" });
}
