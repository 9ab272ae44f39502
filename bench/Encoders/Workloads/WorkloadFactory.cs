using System.Globalization;
using Baize.BenchSupport;
using Baize.Embedding.Preprocessing.Text;
using Baize.Embedding.Runtime;

namespace Baize.Encoders.Workloads;

/// <summary>
/// Builds each modality's workload from an encoder and a corpus split. Preprocessing goes through the encoder's own
/// preprocessors, so the parameters (sizes, frame counts, clip length) are the ones the model is served with.
/// </summary>
public static class WorkloadFactory
{
    public static Workload<TokenizedText> Text(OnnxEncoder encoder, CorpusSplit split, int items)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(split);
        var tokenizer = encoder.TextPreprocessor;
        return new(
            Invariant($"WordPiece tokenisation to {tokenizer.Parameters.MaxTokens} ids"),
            Pick(split, [.. split.Samples.Select(s => s.Caption)], items, "captions"),
            (caption, _) => Task.FromResult(tokenizer.Tokenize(caption)),
            encoder.Embed);
    }

    public static Workload<float[]> Image(OnnxEncoder encoder, CorpusSplit split, int items)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        var preprocessor = encoder.ImagePreprocessor;
        var size = preprocessor.Parameters.Size;
        return new(
            Invariant($"file read + decode (SkiaSharp) + centre crop and resize to {size}x{size} + normalise"),
            MediaFiles(split, s => s.ImagePath, items, "images"),
            preprocessor.PreprocessAsync,
            encoder.Embed);
    }

    public static Workload<float[]> Audio(OnnxEncoder encoder, CorpusSplit split, int items)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        var preprocessor = encoder.AudioPreprocessor;
        var p = preprocessor.Parameters;
        return new(
            Invariant($"ffprobe + ffmpeg decode of the first {p.ClipDuration.TotalSeconds:0.#} s to {p.SampleRate} Hz mono + log-mel {p.MelBins}x{p.Frames}"),
            MediaFiles(split, s => s.AudioPath, items, "audio files"),
            preprocessor.PreprocessAsync,
            encoder.Embed);
    }

    public static Workload<float[]> Video(OnnxEncoder encoder, CorpusSplit split, int items)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        var preprocessor = encoder.VideoPreprocessor;
        var p = preprocessor.Parameters;
        return new(
            Invariant($"ffprobe + ffmpeg sampling of {p.FrameCount} frames at {p.Size}x{p.Size} + normalise"),
            MediaFiles(split, s => s.VideoPath, items, "videos"),
            preprocessor.PreprocessAsync,
            encoder.Embed);
    }

    /// <summary>Full paths of the media files the samples name; samples without that kind of media are skipped.</summary>
    private static IReadOnlyList<string> MediaFiles(CorpusSplit split, Func<CorpusSample, string?> field, int items, string what) =>
        Pick(split, [.. split.Samples.Select(field).OfType<string>().Select(split.MediaPath)], items, what);

    private static IReadOnlyList<string> Pick(CorpusSplit split, IReadOnlyList<string> available, int items, string what) =>
        available.Count == 0
            ? throw new InvalidOperationException($"The split at {split.Folder} has no {what} to measure.")
            : EvenSpread.Pick(available, items);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
