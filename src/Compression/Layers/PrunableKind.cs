namespace Baize.Compression.Layers;

/// <summary>What one group of a <see cref="PrunableLayer"/> is; removing a group removes exactly that unit.</summary>
public enum PrunableKind
{
    /// <summary>An output channel of a convolution (with its batch-norm scale and shift, where there is one).</summary>
    ConvChannels,

    /// <summary>A hidden unit of a two-layer MLP.</summary>
    HiddenUnits,

    /// <summary>A self-attention head: its query, key and value projections.</summary>
    AttentionHeads,

    /// <summary>
    /// One channel of a Transformer's residual stream: its embedding columns, LayerNorm scales and shifts and the rows
    /// that write to it. Removing a zeroed channel is exact everywhere except in LayerNorm, whose mean and variance are
    /// taken over one channel fewer; recovery fine-tuning absorbs that difference.
    /// </summary>
    ModelWidth,
}
