using static TorchSharp.torch;

namespace Baize.Compression.Training;

/// <summary>Symmetric InfoNCE (CLIP's loss) between two batches of L2-normalised embeddings whose rows are pairs.</summary>
public static class ContrastiveLoss
{
    /// <param name="left">[B, d] unit vectors.</param>
    /// <param name="right">[B, d] unit vectors; row i pairs with row i of <paramref name="left"/>.</param>
    /// <param name="logitScale">Scalar tensor: log of the inverse temperature (learned, clamped by the caller).</param>
    public static Tensor SymmetricInfoNce(Tensor left, Tensor right, Tensor logitScale)
    {
        using var scope = NewDisposeScope();
        var logits = logitScale.exp() * left.matmul(right.t());
        var targets = arange(left.shape[0], dtype: ScalarType.Int64, device: left.device);
        var loss = (nn.functional.cross_entropy(logits, targets) + nn.functional.cross_entropy(logits.t(), targets)) / 2;
        return loss.MoveToOuterDisposeScope();
    }
}
