using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Baize.Vectors.Embedded;

/// <summary>
/// The float32 dot product the exact scan runs once per row. Rows are padded with zeros to a multiple of
/// <see cref="Alignment"/> floats, so the loop has no remainder. It is hand-written rather than
/// <c>TensorPrimitives.Dot</c> because at d = 128 the per-call dispatch of the general routine cost more than the
/// arithmetic (measured: 14 ms against 3 ms for 100k rows in cache); TensorPrimitives still normalises vectors.
/// </summary>
internal static class FloatKernels
{
    public const int Alignment = 16;

    public static int PaddedLength(int dimension) => (dimension + Alignment - 1) / Alignment * Alignment;

    /// <summary>Dot product of two spans of the same length, a multiple of <see cref="Alignment"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            return Dot512(left, right);
        }

        return Vector256.IsHardwareAccelerated ? Dot256(left, right) : DotPortable(left, right);
    }

    internal static float Dot512(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        ref var a = ref MemoryMarshal.GetReference(left);
        ref var b = ref MemoryMarshal.GetReference(right);
        var length = (nuint)left.Length;
        var sum0 = Vector512<float>.Zero;
        var sum1 = Vector512<float>.Zero;
        nuint i = 0;

        // Two accumulators hide the FMA latency; d = 128 is four iterations.
        for (; i + 32 <= length; i += 32)
        {
            sum0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref a, i), Vector512.LoadUnsafe(ref b, i), sum0);
            sum1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref a, i + 16), Vector512.LoadUnsafe(ref b, i + 16), sum1);
        }

        if (i < length)
        {
            sum0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref a, i), Vector512.LoadUnsafe(ref b, i), sum0);
        }

        return Vector512.Sum(sum0 + sum1);
    }

    internal static float Dot256(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        ref var a = ref MemoryMarshal.GetReference(left);
        ref var b = ref MemoryMarshal.GetReference(right);
        var length = (nuint)left.Length;
        var sum0 = Vector256<float>.Zero;
        var sum1 = Vector256<float>.Zero;
        for (nuint i = 0; i < length; i += 16)
        {
            sum0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, i), Vector256.LoadUnsafe(ref b, i), sum0);
            sum1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, i + 8), Vector256.LoadUnsafe(ref b, i + 8), sum1);
        }

        return Vector256.Sum(sum0 + sum1);
    }

    internal static float DotPortable(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        ref var a = ref MemoryMarshal.GetReference(left);
        ref var b = ref MemoryMarshal.GetReference(right);
        var length = (nuint)left.Length;
        var sum0 = Vector128<float>.Zero;
        var sum1 = Vector128<float>.Zero;
        for (nuint i = 0; i < length; i += 8)
        {
            sum0 += Vector128.LoadUnsafe(ref a, i) * Vector128.LoadUnsafe(ref b, i);
            sum1 += Vector128.LoadUnsafe(ref a, i + 4) * Vector128.LoadUnsafe(ref b, i + 4);
        }

        return Vector128.Sum(sum0 + sum1);
    }
}
