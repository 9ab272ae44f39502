using System.Buffers;
using System.Numerics.Tensors;
using Baize.Embedding.Manifests;
using Baize.Embedding.Models;
using Baize.Embedding.Preprocessing.Audio;
using Baize.Embedding.Preprocessing.Image;
using Baize.Embedding.Preprocessing.Text;
using Baize.Embedding.Preprocessing.Video;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace Baize.Embedding.Runtime;

/// <summary>
/// One loaded encoder model: a single ONNX Runtime session plus the preprocessor its manifest describes.
/// Embedding is thread-safe (ONNX Runtime's Run is); inputs go through pooled buffers in chunks of at most
/// <see cref="EncoderOptions.MaxBatchSize"/>, and every result is a unit vector of <see cref="Dimension"/> floats.
/// Dispose only when no call is in flight; <see cref="EncoderRegistry"/> leases guarantee that.
/// </summary>
public sealed class OnnxEncoder : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly long[] _itemShape;
    private readonly int _itemLength;
    private readonly int _maxBatchSize;
    private readonly int _parallelism;
    private readonly TextPreprocessor? _text;
    private readonly ImagePreprocessor? _image;
    private readonly AudioPreprocessor? _audio;
    private readonly VideoPreprocessor? _video;
    private int _disposed;

    private OnnxEncoder(ModelFolder model, InferenceSession session, EncoderOptions options)
    {
        Model = model;
        _session = session;
        _maxBatchSize = options.MaxBatchSize;
        _parallelism = options.PreprocessingParallelism;
        var inputs = EncoderContract.Inputs(model.Modality, model.Manifest.Preprocessing);
        _inputNames = [.. inputs.Select(i => i.Name)];
        _outputNames = [model.Manifest.Output];

        // All inputs of one modality share a shape; the first dimension is the batch.
        _itemShape = [.. inputs[0].Shape.Skip(1)];
        _itemLength = (int)_itemShape.Aggregate(1L, (product, d) => product * d);
        var p = model.Manifest.Preprocessing;
        switch (model.Modality)
        {
            case Modality.Text:
                _text = new TextPreprocessor(p.Text!, model.VocabularyPath!);
                break;
            case Modality.Image:
                _image = new ImagePreprocessor(p.Image!, options.Media);
                break;
            case Modality.Audio:
                _audio = new AudioPreprocessor(p.Audio!, options.Media);
                break;
            case Modality.Video:
                _video = new VideoPreprocessor(p.Video!, options.Media);
                break;
        }
    }

    public ModelFolder Model { get; }

    public Modality Modality => Model.Modality;

    public string Version => Model.Version;

    public int Dimension => Model.Manifest.Dimension;

    /// <summary>Floats (or, for text, token ids) per preprocessed input.</summary>
    public int InputLength => _itemLength;

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    public TextPreprocessor TextPreprocessor => _text ?? throw WrongModality(Modality.Text);

    public ImagePreprocessor ImagePreprocessor => _image ?? throw WrongModality(Modality.Image);

    public AudioPreprocessor AudioPreprocessor => _audio ?? throw WrongModality(Modality.Audio);

    public VideoPreprocessor VideoPreprocessor => _video ?? throw WrongModality(Modality.Video);

    /// <summary>Creates the serving session for a folder that <see cref="ModelFolder.Load"/> validated.</summary>
    public static OnnxEncoder Create(ModelFolder model, EncoderOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= EncoderOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PreprocessingParallelism, 1);
        var session = InferenceSessionFactory.Create(model, options, logger ?? NullLogger.Instance);
        try
        {
            // The folder was checked when loaded, but model.onnx could have been replaced since.
            OnnxSignature.Verify(session, model.Manifest, model.Path);
            return new OnnxEncoder(model, session, options);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Embeds tokenised texts (text models only).</summary>
    public float[][] Embed(IReadOnlyList<TokenizedText> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        RequireModality(Modality.Text);
        foreach (var item in batch)
        {
            RequireLength(item.InputIds.Length);
            RequireLength(item.AttentionMask.Length);
        }

        var results = new float[batch.Count][];
        for (var start = 0; start < batch.Count; start += _maxBatchSize)
        {
            var count = Math.Min(_maxBatchSize, batch.Count - start);
            var size = count * _itemLength;
            var ids = ArrayPool<long>.Shared.Rent(size);
            var mask = ArrayPool<long>.Shared.Rent(size);
            try
            {
                for (var i = 0; i < count; i++)
                {
                    batch[start + i].InputIds.CopyTo(ids, i * _itemLength);
                    batch[start + i].AttentionMask.CopyTo(mask, i * _itemLength);
                }

                var shape = BatchShape(count);
                using var idsValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, ids.AsMemory(0, size), shape);
                using var maskValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, mask.AsMemory(0, size), shape);
                Run([idsValue, maskValue], results.AsSpan(start, count));
            }
            finally
            {
                ArrayPool<long>.Shared.Return(ids);
                ArrayPool<long>.Shared.Return(mask);
            }
        }

        return results;
    }

    /// <summary>Embeds preprocessed image, audio or video inputs of <see cref="InputLength"/> floats each.</summary>
    public float[][] Embed(IReadOnlyList<float[]> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (Modality == Modality.Text)
        {
            throw new InvalidOperationException("A text encoder takes token ids; pass TokenizedText or use EmbedTexts.");
        }

        foreach (var item in batch)
        {
            RequireLength(item.Length);
        }

        var results = new float[batch.Count][];
        for (var start = 0; start < batch.Count; start += _maxBatchSize)
        {
            var count = Math.Min(_maxBatchSize, batch.Count - start);
            var size = count * _itemLength;
            var buffer = ArrayPool<float>.Shared.Rent(size);
            try
            {
                for (var i = 0; i < count; i++)
                {
                    batch[start + i].CopyTo(buffer, i * _itemLength);
                }

                using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, buffer.AsMemory(0, size), BatchShape(count));
                Run([input], results.AsSpan(start, count));
            }
            finally
            {
                ArrayPool<float>.Shared.Return(buffer);
            }
        }

        return results;
    }

    /// <summary>Tokenises and embeds texts. Synchronous: tokenisation does no I/O.</summary>
    public float[][] EmbedTexts(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var tokenizer = TextPreprocessor;
        return Embed(texts.Select(tokenizer.Tokenize).ToList());
    }

    public Task<float[][]> EmbedImagesAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken = default) =>
        EmbedFilesAsync(paths, ImagePreprocessor.PreprocessAsync, cancellationToken);

    /// <summary>Embeds the first clip (<see cref="AudioPreprocessing.ClipDuration"/>) of each file.</summary>
    public Task<float[][]> EmbedAudioAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken = default) =>
        EmbedFilesAsync(paths, AudioPreprocessor.PreprocessAsync, cancellationToken);

    /// <summary>Embeds each video with frames sampled over its whole length.</summary>
    public Task<float[][]> EmbedVideosAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken = default) =>
        EmbedFilesAsync(paths, VideoPreprocessor.PreprocessAsync, cancellationToken);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _session.Dispose();
            _runOptions.Dispose();
        }
    }

    /// <summary>Preprocesses files in parallel, then embeds them in one batched call.</summary>
    private async Task<float[][]> EmbedFilesAsync(IReadOnlyList<string> paths, Func<string, CancellationToken, Task<float[]>> preprocess, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var inputs = new float[paths.Count][];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, paths.Count), parallel, async (i, token) => inputs[i] = await preprocess(paths[i], token));
        return Embed(inputs);
    }

    private void Run(IReadOnlyCollection<OrtValue> inputs, Span<float[]> results)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        using var outputs = _session.Run(_runOptions, _inputNames, inputs, _outputNames);
        var output = outputs[0];
        var shape = output.GetTensorTypeAndShape().Shape;
        if (shape is not [var rows, var columns] || rows != results.Length || columns != Dimension)
        {
            throw new InvalidOperationException($"The {Modality} encoder {Version} returned shape [{string.Join(", ", shape)}] for {results.Length} inputs.");
        }

        var data = output.GetTensorDataAsSpan<float>();
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = UnitVector(data.Slice(i * Dimension, Dimension));
        }
    }

    /// <summary>
    /// Models are trained to emit unit vectors; normalising again removes float drift and guards against an imported
    /// model that does not, while a zero or non-finite output is an error rather than something to index.
    /// </summary>
    private float[] UnitVector(ReadOnlySpan<float> embedding)
    {
        var vector = embedding.ToArray();
        var norm = TensorPrimitives.Norm(vector);
        if (!float.IsFinite(norm) || norm == 0)
        {
            throw new InvalidOperationException($"The {Modality} encoder {Version} produced a zero or non-finite embedding.");
        }

        TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }

    private long[] BatchShape(int count) => [count, .. _itemShape];

    private void RequireModality(Modality modality)
    {
        if (Modality != modality)
        {
            throw WrongModality(modality);
        }
    }

    private void RequireLength(int length)
    {
        if (length != _itemLength)
        {
            throw new ArgumentException($"Each {Modality} input must have {_itemLength} elements; one has {length}.");
        }
    }

    private InvalidOperationException WrongModality(Modality wanted) =>
        new($"This is a {Modality} encoder ({Model.Manifest.Id} {Version}), not a {wanted} encoder.");
}
