using Baize.Corpus.Evaluation;
using Baize.Embedding;
using TorchSharp;
using static TorchSharp.torch;

namespace Baize.Compression.Training;

/// <summary>Embeds a whole <see cref="PairedSplit"/> with TorchSharp, in the item order <see cref="EvaluationSet"/> expects.</summary>
public static class SplitEmbedder
{
    private const int Chunk = 128;

    public static Dictionary<Modality, IReadOnlyList<float[]>> Embed(EncoderSet encoders, PairedSplit split)
    {
        ArgumentNullException.ThrowIfNull(encoders);
        ArgumentNullException.ThrowIfNull(split);
        encoders.SetTraining(false);
        using var _ = torch.no_grad();
        var sceneText = Rows(split.SceneTokens.shape[0], (start, length) => encoders.Text.forward(split.SceneTokens.narrow(0, start, length).to(encoders.Device), split.SceneMask.narrow(0, start, length).to(encoders.Device)));
        var clipText = Rows(split.ClipTokens.shape[0], (start, length) => encoders.Text.forward(split.ClipTokens.narrow(0, start, length).to(encoders.Device), split.ClipMask.narrow(0, start, length).to(encoders.Device)));
        var sceneAudio = Rows(split.SceneAudio.shape[0], (start, length) => encoders.Audio.forward(split.SceneAudio.narrow(0, start, length).to(encoders.Device)));
        var clipAudio = Rows(split.ClipAudio.shape[0], (start, length) => encoders.Audio.forward(split.ClipAudio.narrow(0, start, length).to(encoders.Device)));
        return new Dictionary<Modality, IReadOnlyList<float[]>>
        {
            [Modality.Text] = [.. sceneText, .. clipText],
            [Modality.Audio] = [.. sceneAudio, .. clipAudio],
            [Modality.Image] = Rows(split.ScenePixels.shape[0], (start, length) => encoders.Image.forward(split.ScenePixels.narrow(0, start, length).to(encoders.Device))),
            [Modality.Video] = Rows(split.ClipFrames.shape[0], (start, length) => encoders.Video.forward(split.ClipFrames.narrow(0, start, length).to(encoders.Device))),
        };
    }

    /// <summary>The evaluation set for <see cref="Embed"/>'s item order: all scenes, then all clips.</summary>
    public static EvaluationSet EvaluationSetOf(PairedSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        return new EvaluationSet([.. split.Scenes, .. split.Clips]);
    }

    private static List<float[]> Rows(long count, Func<long, long, Tensor> embed)
    {
        var rows = new List<float[]>((int)count);
        for (long start = 0; start < count; start += Chunk)
        {
            using var scope = torch.NewDisposeScope();
            var embedded = embed(start, Math.Min(Chunk, count - start)).cpu().contiguous();
            var values = embedded.data<float>().ToArray();
            var width = (int)embedded.shape[1];
            for (var row = 0; row < values.Length / width; row++)
            {
                rows.Add(values.AsSpan(row * width, width).ToArray());
            }
        }

        return rows;
    }
}
