using Baize.Compression.Layers;
using Baize.Compression.Onnx;

namespace Baize.Compression.Architectures;

/// <summary>What every encoder offers besides its modality-specific forward pass: size, cost, prunable structure and ONNX export.</summary>
public interface IEncoder : IOnnxModel, IDisposable
{
    /// <summary>The widths this encoder was built from.</summary>
    IEncoderConfig Config { get; }

    /// <summary>Trainable parameters actually held by the module (batch-norm running statistics are buffers, not counted).</summary>
    long ParameterCount();

    /// <summary>Multiply-accumulates for one input item, computed from the config (convolution, linear and attention products).</summary>
    long MacsPerItem();

    /// <summary>Every set of removable groups, in forward order, named by state-dict path.</summary>
    IReadOnlyList<PrunableLayer> PrunableLayers();
}
