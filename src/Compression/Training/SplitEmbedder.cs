using Baize.Compression.Architectures;
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
        encoders.SetTraining(false);
        return Embed(Enum.GetValues<Modality>().ToDictionary(m => m, m => encoders[m]), split, encoders.Device);
    }

    /// <param name="encoders">The encoder of each modality to embed; each is switched to eval mode.</param>
    public static Dictionary<Modality, IReadOnlyList<float[]>> Embed(IReadOnlyDictionary<Modality, IEncoder> encoders, PairedSplit split, Device device)
    {
        ArgumentNullException.ThrowIfNull(encoders);
        ArgumentNullException.ThrowIfNull(split);
        using var _ = torch.no_grad();
        var embeddings = new Dictionary<Modality, IReadOnlyList<float[]>>();
        foreach (var (modality, encoder) in encoders)
        {
            ((nn.Module)encoder).eval();
            var inputs = new ModalityInputs(split, modality);
            embeddings[modality] = Rows(inputs.Count, (start, length) => inputs.Forward(encoder, torch.arange(start, start + length, dtype: ScalarType.Int64), device));
        }

        return embeddings;
    }

    /// <summary>The evaluation set for <see cref="Embed(EncoderSet, PairedSplit)"/>'s item order: all scenes, then all clips.</summary>
    public static EvaluationSet EvaluationSetOf(PairedSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        return new EvaluationSet([.. split.Scenes, .. split.Clips]);
    }

    /// <summary>A [N, d] embedding tensor as N arrays of d floats.</summary>
    public static List<float[]> ToRows(Tensor embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        var values = embeddings.cpu().contiguous().data<float>().ToArray();
        var width = (int)embeddings.shape[1];
        return [.. Enumerable.Range(0, (int)embeddings.shape[0]).Select(row => values.AsSpan(row * width, width).ToArray())];
    }

    private static List<float[]> Rows(long count, Func<long, long, Tensor> embed)
    {
        var rows = new List<float[]>((int)count);
        for (long start = 0; start < count; start += Chunk)
        {
            using var scope = torch.NewDisposeScope();
            rows.AddRange(ToRows(embed(start, Math.Min(Chunk, count - start))));
        }

        return rows;
    }
}
