using System.Diagnostics;
using System.Numerics.Tensors;

namespace Baize.VectorSearch;

/// <summary>
/// The memory-bandwidth floor for a scan: summing every byte the exact (float32) or int8 scan must read, with
/// TensorPrimitives over one contiguous array of the same size and layout as the store's slab. A search cannot be
/// faster than reading its data once, so raw time over search time says how close the search runs to the limit.
/// </summary>
public static class MemoryScan
{
    /// <summary>Milliseconds of one pass over <paramref name="values"/>.</summary>
    public static double PassOverFloats(float[] values) => Time(() => TensorPrimitives.Sum(values));

    /// <summary>Milliseconds of one pass over <paramref name="codes"/> (the int8 sum wraps; only the time matters).</summary>
    public static double PassOverCodes(sbyte[] codes) => Time(() => TensorPrimitives.Sum(codes));

    private static double Time<T>(Func<T> pass)
    {
        var start = Stopwatch.GetTimestamp();
        GC.KeepAlive(pass());
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
