using Baize.Compression.Layers;

namespace Baize.Compression.Architectures;

/// <summary>
/// Every width of a <see cref="TextEncoder"/>: vocabulary, model width, per-head width and each block's heads and
/// MLP units. Attention width (heads x head width) is independent of the model width, so heads prune freely.
/// </summary>
public sealed record TextEncoderConfig(int VocabularySize, int ModelDim, int HeadDim, IReadOnlyList<TransformerBlockConfig> Blocks)
    : IEncoderConfig
{
    /// <summary>The production teacher: model width 128, two pre-LN blocks of 4 heads x 32 and a 256-unit MLP.</summary>
    /// <param name="vocabularySize">Size of the WordPiece vocabulary the tokenizer produces ids for.</param>
    public static TextEncoderConfig Teacher(int vocabularySize)
    {
        return new TextEncoderConfig(vocabularySize, 128, 32, [new(4, 256), new(4, 256)]);
    }

    /// <summary>
    /// The uniformly thinned family: model width, heads and MLP units times <paramref name="widthFactor"/>; head width
    /// and vocabulary stay. The token table scales only linearly, so 0.5 saves less than 4x on large vocabularies.
    /// </summary>
    public TextEncoderConfig Scaled(double widthFactor)
    {
        return this with
        {
            ModelDim = WidthScaling.Scale(ModelDim, widthFactor),
            Blocks = [.. Blocks.Select(block => new TransformerBlockConfig(
                WidthScaling.Scale(block.Heads, widthFactor),
                WidthScaling.Scale(block.MlpHiddenUnits, widthFactor)))],
        };
    }

    public long ParameterCount()
    {
        var count = (VocabularySize + EncoderContract.TextSequenceLength) * (long)ModelDim;
        foreach (var block in Blocks)
        {
            var attentionWidth = block.Heads * HeadDim;
            count += 2 * LayerCosts.LayerNormParameters(ModelDim);
            count += (3 * LayerCosts.LinearParameters(ModelDim, attentionWidth)) + LayerCosts.LinearParameters(attentionWidth, ModelDim);
            count += LayerCosts.LinearParameters(ModelDim, block.MlpHiddenUnits) + LayerCosts.LinearParameters(block.MlpHiddenUnits, ModelDim);
        }

        return count + LayerCosts.LayerNormParameters(ModelDim) + LayerCosts.LinearParameters(ModelDim, EncoderContract.EmbeddingDimension);
    }

    /// <summary>MACs for one 32-token sequence (padding tokens are computed like real ones).</summary>
    public long MacsPerItem()
    {
        const long Steps = EncoderContract.TextSequenceLength;
        var macs = 0L;
        foreach (var block in Blocks)
        {
            long attentionWidth = block.Heads * HeadDim;
            var projections = 4 * ModelDim * attentionWidth;
            var mlp = 2L * ModelDim * block.MlpHiddenUnits;
            // Scores (Q·Kᵀ) and context (weights·V): T x T x head width per head, each.
            var attention = 2 * Steps * attentionWidth;
            macs += Steps * (projections + mlp + attention);
        }

        return macs + ((long)ModelDim * EncoderContract.EmbeddingDimension);
    }

    string IEncoderConfig.ArchitectureName => nameof(TextEncoder);

    public IEncoderConfig WithWidths(IReadOnlyDictionary<string, int> widths)
    {
        ArgumentNullException.ThrowIfNull(widths);
        return this with
        {
            ModelDim = widths.GetValueOrDefault(TextEncoder.StreamLayerName, ModelDim),
            Blocks = [.. Blocks.Select((block, i) => new TransformerBlockConfig(
                widths.GetValueOrDefault($"blocks.{i}.attention", block.Heads),
                widths.GetValueOrDefault($"blocks.{i}.mlp.fc1", block.MlpHiddenUnits)))],
        };
    }

    public IEncoder Build() => new TextEncoder(this);
}
