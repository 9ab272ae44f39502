using System.Runtime.InteropServices;

namespace Baize.Compression.Training;

/// <summary>
/// Preprocessed model inputs of one split, stored as raw little-endian float32 files so a resumed or repeated
/// training run does not decode thousands of media files again.
/// </summary>
public static class FeatureArrays
{
    public static void Write(string path, float[] values)
    {
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
        File.Move(temporary, path, overwrite: true);
    }

    public static float[]? TryRead(string path, long expectedLength)
    {
        if (!File.Exists(path) || new FileInfo(path).Length != expectedLength * sizeof(float))
        {
            return null;
        }

        var values = new float[expectedLength];
        using var stream = File.OpenRead(path);
        stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}
