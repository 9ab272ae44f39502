namespace Baize.Compression.Compressing;

/// <summary>How a student of the same budget is made; the dean's method and the baselines it is compared with.</summary>
public enum CompressionMethod
{
    /// <summary>Teacher–Student–Dean: ADMM pruning + distillation, weighted per layer and over time by the dean.</summary>
    Dean,

    /// <summary>The ablation: ADMM pruning + distillation with constant weights (α = β = 1), no dean.</summary>
    Joint,

    /// <summary>One-shot L1-norm structured pruning of the teacher at a uniform rate, then fine-tuning (Li et al., 2017).</summary>
    Prune,

    /// <summary>The uniformly thinned architecture trained with the task and distillation losses.</summary>
    Kd,

    /// <summary>The uniformly thinned architecture trained from scratch with the task loss only.</summary>
    Scratch,
}
