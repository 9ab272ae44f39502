namespace Baize.Compression.Layers;

/// <summary>
/// Closed-form parameter and multiply-accumulate counts of the layer vocabulary, so configs can be costed without
/// building modules. MACs count convolution, linear and attention products only; normalisation, activations and
/// pooling are left out (batch norm folds into the convolution at inference).
/// </summary>
internal static class LayerCosts
{
    /// <summary>Bias-free convolution weights plus the batch norm's scale and shift.</summary>
    public static long ConvBatchNormParameters(long inChannels, long outChannels, long kernelSize)
    {
        return (inChannels * outChannels * kernelSize * kernelSize) + (2 * outChannels);
    }

    public static long ConvMacs(long inChannels, long outChannels, long kernelArea, long outputPositions)
    {
        return inChannels * outChannels * kernelArea * outputPositions;
    }

    public static long LinearParameters(long inFeatures, long outFeatures)
    {
        return (inFeatures * outFeatures) + outFeatures;
    }

    public static long LayerNormParameters(long features)
    {
        return 2 * features;
    }

    /// <summary>Output length of a "same"-padded odd kernel (or a 1x1 kernel without padding) at the given stride.</summary>
    public static int Downsample(int length, int stride)
    {
        return ((length - 1) / stride) + 1;
    }
}
