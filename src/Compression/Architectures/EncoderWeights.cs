using static TorchSharp.torch;

namespace Baize.Compression.Architectures;

/// <summary>
/// An encoder's training weights on disk, conventionally in a file named <see cref="FileName"/>. The format is
/// TorchSharp's state-dict file (<c>Module.save</c>): the entry count, then for every parameter and buffer in
/// registration order its state-dict key and its tensor (element type, shape, little-endian data). It holds weights
/// only: loading needs a module built from the same config, and fails on a missing, extra or mis-shaped entry.
/// </summary>
public static class EncoderWeights
{
    public const string FileName = "weights.dat";

    public static void Save(nn.Module encoder, string path)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.save(path);
    }

    public static void Load(nn.Module encoder, string path)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.load(path, strict: true);
    }
}
