namespace Baize.Compression.Architectures;

/// <summary>
/// Every width of one encoder architecture: enough to cost it, to build it and to derive the architecture that
/// structured pruning leaves behind.
/// </summary>
public interface IEncoderConfig
{
    /// <summary>The architecture name a model manifest records for this config.</summary>
    string ArchitectureName { get; }

    long ParameterCount();

    long MacsPerItem();

    /// <summary>
    /// The same architecture with the widths of the named prunable layers (<see cref="Layers.PrunableLayer.Name"/>)
    /// replaced; layers not named keep their width. Depth, strides and inputs stay.
    /// </summary>
    IEncoderConfig WithWidths(IReadOnlyDictionary<string, int> widths);

    /// <summary>A new, randomly initialised encoder of this architecture on the CPU.</summary>
    IEncoder Build();
}
