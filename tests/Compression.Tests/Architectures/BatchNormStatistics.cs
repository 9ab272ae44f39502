using static TorchSharp.torch;

namespace Baize.Compression.Tests.Architectures;

/// <summary>Gives every batch norm non-trivial statistics and affine parameters, so inference-mode comparisons exercise them.</summary>
internal static class BatchNormStatistics
{
    public static void Randomize(nn.Module module)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var (name, buffer) in module.named_buffers())
        {
            if (name.EndsWith(".running_mean", StringComparison.Ordinal))
            {
                buffer.normal_(0, 0.2);
            }
            else if (name.EndsWith(".running_var", StringComparison.Ordinal))
            {
                buffer.uniform_(0.5, 2.0);
            }
        }

        foreach (var (name, parameter) in module.named_parameters())
        {
            if (name.EndsWith(".bn.weight", StringComparison.Ordinal))
            {
                parameter.uniform_(0.5, 1.5);
            }
            else if (name.EndsWith(".bn.bias", StringComparison.Ordinal))
            {
                parameter.normal_(0, 0.2);
            }
        }
    }
}
