using System.Text;
using Api.Infrastructure.Integrations.OpenAi;

namespace Api.Features.ShopperSearch.Common;

/// <summary>
/// Text embeddings behind one interface. With <c>Integrations:OpenAi:BaseUrl</c> and <c>EmbeddingModel</c> set, an
/// OpenAI-compatible server embeds; otherwise <see cref="LocalEmbedding"/> (hashed words, character trigrams and a small
/// apparel concept table, 256 dimensions) does, with no network. Vectors are L2-normalised, so a dot product is the cosine.
/// </summary>
interface ITextEmbedder
{
    string Model { get; }
    Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct);
}

sealed class TextEmbedder(OpenAiClient openAi) : ITextEmbedder
{
    public string Model => openAi.EmbeddingsConfigured ? "openai:" + openAi.EmbeddingModel : LocalEmbedding.ModelName;

    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct)
    {
        if (texts.Count == 0) return [];
        if (!openAi.EmbeddingsConfigured) return texts.Select(LocalEmbedding.Embed).ToArray();
        var vectors = await openAi.EmbedAsync(texts, ct);
        return vectors.Select(LocalEmbedding.Normalize).ToArray();
    }
}

static class LocalEmbedding
{
    public const string ModelName = "local-ngram-256-v1";
    public const int Dimensions = 256;

    // General apparel vocabulary: words that mean the same garment share a concept feature (not tuned to any catalog).
    static readonly Dictionary<string, string> Concepts = new(StringComparer.Ordinal)
    {
        ["tee"] = "tshirt", ["tshirt"] = "tshirt", ["t"] = "tshirt", ["shirt"] = "shirt", ["blouse"] = "shirt", ["top"] = "top", ["tank"] = "top", ["camisole"] = "top",
        ["sneaker"] = "shoe", ["trainer"] = "shoe", ["shoe"] = "shoe", ["boot"] = "shoe", ["loafer"] = "shoe", ["sandal"] = "shoe", ["heel"] = "shoe", ["flat"] = "shoe",
        ["pant"] = "trouser", ["trouser"] = "trouser", ["chino"] = "trouser", ["slack"] = "trouser", ["jean"] = "denim", ["denim"] = "denim",
        ["hoodie"] = "sweatshirt", ["sweatshirt"] = "sweatshirt", ["pullover"] = "sweater", ["sweater"] = "sweater", ["jumper"] = "sweater", ["cardigan"] = "sweater", ["knit"] = "sweater",
        ["jacket"] = "outerwear", ["coat"] = "outerwear", ["blazer"] = "outerwear", ["parka"] = "outerwear", ["anorak"] = "outerwear", ["windbreaker"] = "outerwear",
        ["dress"] = "dress", ["gown"] = "dress", ["frock"] = "dress", ["skirt"] = "skirt", ["short"] = "shorts", ["legging"] = "legging",
        ["bag"] = "bag", ["tote"] = "bag", ["handbag"] = "bag", ["purse"] = "bag", ["backpack"] = "bag", ["clutch"] = "bag",
        ["hat"] = "hat", ["cap"] = "hat", ["beanie"] = "hat", ["scarf"] = "accessory", ["belt"] = "accessory", ["sunglass"] = "accessory",
        ["wedding"] = "formal", ["formal"] = "formal", ["gala"] = "formal", ["cocktail"] = "formal", ["office"] = "work", ["work"] = "work", ["interview"] = "work",
        ["beach"] = "summer", ["summer"] = "summer", ["vacation"] = "summer", ["breezy"] = "summer", ["winter"] = "winter", ["warm"] = "winter", ["cozy"] = "winter",
        ["gym"] = "active", ["workout"] = "active", ["running"] = "active", ["yoga"] = "active", ["athletic"] = "active",
        ["men"] = "mens", ["mens"] = "mens", ["man"] = "mens", ["women"] = "womens", ["womens"] = "womens", ["woman"] = "womens", ["ladies"] = "womens",
    };

    public static float[] Embed(string text)
    {
        var v = new float[Dimensions];
        var words = Tokenize(text);
        foreach (var w in words)
        {
            var stem = Stem(w);
            Add(v, "w:" + stem, 1.0f);
            if (Concepts.TryGetValue(stem, out var concept)) Add(v, "c:" + concept, 0.8f);
            var padded = "#" + stem + "#";
            for (var i = 0; i + 3 <= padded.Length; i++) Add(v, "g:" + padded.Substring(i, 3), 0.35f);
        }
        for (var i = 0; i + 1 < words.Count; i++) Add(v, "b:" + Stem(words[i]) + " " + Stem(words[i + 1]), 0.5f);
        return Normalize(v);
    }

    static List<string> Tokenize(string text)
    {
        var list = new List<string>();
        var sb = new StringBuilder();
        foreach (var ch in text.ToLowerInvariant() + " ")
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(ch);
            else if (ch == '\'' || ch == '-') continue;
            else if (sb.Length > 0) { list.Add(sb.ToString()); sb.Clear(); }
        }
        return list;
    }

    static string Stem(string w) =>
        w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal) ? w[..^3] + "y"
        : w.Length > 4 && w.EndsWith("es", StringComparison.Ordinal) && (w[^3] is 's' or 'x' or 'h') ? w[..^2]
        : w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1]
        : w;

    static void Add(float[] v, string feature, float weight)
    {
        uint h = 2166136261;
        foreach (var c in feature) { h ^= c; h *= 16777619; }
        var idx = (int)(h % Dimensions);
        v[idx] += (h & 0x80000000) != 0 ? -weight : weight;
    }

    public static float[] Normalize(float[] v)
    {
        double sum = 0;
        foreach (var x in v) sum += x * x;
        if (sum <= 0) return v;
        var inv = (float)(1 / Math.Sqrt(sum));
        var o = new float[v.Length];
        for (var i = 0; i < v.Length; i++) o[i] = v[i] * inv;
        return o;
    }

    public static double Cosine(float[]? a, float[]? b)
    {
        if (a is null || b is null || a.Length != b.Length || a.Length == 0) return 0;
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
