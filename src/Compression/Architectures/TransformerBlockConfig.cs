namespace Baize.Compression.Architectures;

/// <summary>The prunable widths of one Transformer block: attention heads and MLP hidden units.</summary>
public sealed record TransformerBlockConfig(int Heads, int MlpHiddenUnits);
