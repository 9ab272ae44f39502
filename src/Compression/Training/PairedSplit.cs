using Baize.Compression.Architectures;
using Baize.Corpus.Samples;
using Baize.Embedding.Preprocessing.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Baize.Compression.Training;

/// <summary>
/// One split as normalised training tensors. Scenes pair a caption with an image and its speech; clips pair a
/// caption with a video and its speech. Row i of every scene tensor belongs to <see cref="Scenes"/>[i], likewise for clips.
/// </summary>
public sealed class PairedSplit : IDisposable
{
    private PairedSplit(RawFeatures raw, TextPreprocessor text, TrainingInputStatistics statistics)
    {
        Scenes = raw.Scenes;
        Clips = raw.Clips;
        (SceneTokens, SceneMask) = Tokenize(raw.Scenes, text);
        (ClipTokens, ClipMask) = Tokenize(raw.Clips, text);
        ScenePixels = Normalised(raw.ScenePixels, statistics.Image, RawFeatureLoader.PixelLength / 3, [raw.Scenes.Count, 3, EncoderContract.ImageSize, EncoderContract.ImageSize]);
        SceneAudio = Normalised(raw.SceneAudio, statistics.Audio, RawFeatureLoader.AudioLength, [raw.Scenes.Count, 1, EncoderContract.AudioMelBins, EncoderContract.AudioFrames]);
        ClipFrames = Normalised(raw.ClipFrames, statistics.Video, RawFeatureLoader.PixelLength / 3, [raw.Clips.Count, EncoderContract.VideoFrames, 3, EncoderContract.ImageSize, EncoderContract.ImageSize]);
        ClipAudio = Normalised(raw.ClipAudio, statistics.Audio, RawFeatureLoader.AudioLength, [raw.Clips.Count, 1, EncoderContract.AudioMelBins, EncoderContract.AudioFrames]);
    }

    public IReadOnlyList<CorpusSample> Scenes { get; }

    public IReadOnlyList<CorpusSample> Clips { get; }

    public Tensor SceneTokens { get; }

    public Tensor SceneMask { get; }

    public Tensor ScenePixels { get; }

    public Tensor SceneAudio { get; }

    public Tensor ClipTokens { get; }

    public Tensor ClipMask { get; }

    public Tensor ClipFrames { get; }

    public Tensor ClipAudio { get; }

    /// <summary>Normalises <paramref name="raw"/> in place with <paramref name="statistics"/> and copies it into tensors.</summary>
    public static PairedSplit Create(RawFeatures raw, TextPreprocessor text, TrainingInputStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(statistics);
        return new PairedSplit(raw, text, statistics);
    }

    public void Dispose()
    {
        foreach (var tensor in new[] { SceneTokens, SceneMask, ScenePixels, SceneAudio, ClipTokens, ClipMask, ClipFrames, ClipAudio })
        {
            tensor.Dispose();
        }
    }

    private static (Tensor Tokens, Tensor Mask) Tokenize(IReadOnlyList<CorpusSample> samples, TextPreprocessor text)
    {
        const int Length = EncoderContract.TextSequenceLength;
        var ids = new long[samples.Count * Length];
        var mask = new long[samples.Count * Length];
        for (var i = 0; i < samples.Count; i++)
        {
            text.Tokenize(samples[i].Caption, ids.AsSpan(i * Length, Length), mask.AsSpan(i * Length, Length));
        }

        return (torch.tensor(ids, [samples.Count, Length]), torch.tensor(mask, [samples.Count, Length]));
    }

    private static Tensor Normalised(float[] values, InputStatistics statistics, int planeLength, long[] shape)
    {
        statistics.Apply(values, planeLength);
        return torch.tensor(values, shape);
    }
}
