namespace Baize.Compression.Pruning;

/// <summary>What a pruning budget counts.</summary>
public enum BudgetMeasure
{
    /// <summary>Trainable parameters: the encoders' "4x fewer parameters".</summary>
    Parameters,

    /// <summary>Multiply-accumulates per item: the FLOPs of the classification tables.</summary>
    Macs,
}
