using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Baize.Vectors.Embedded;

/// <summary>
/// Int8 codes with a symmetric per-vector scale: code = round(v / s) with s = max|v| / 127, so v ≈ s · code.
/// A per-vector scale needs no statistics over the collection (nothing to re-train as points arrive) and keeps
/// the error relative to each vector's own range. The dot product of two coded vectors is s_a · s_b · Σ a_i b_i, with
/// the sum in int32. TensorPrimitives has no int8 dot with int32 accumulation, and .NET 10 exposes AVX-512 VNNI
/// (vpdpbusd) only through AvxVnni/Avx10, which this class of CPU does not report, so the fast path widens to int16
/// and uses vpmaddwd (AVX-512BW, else AVX2), with a portable Vector128 fallback. The query is widened to int16 once
/// per search. Rows are padded with zero codes to a multiple of <see cref="Alignment"/>.
/// </summary>
internal static class Int8Kernels
{
    public const int Alignment = 64;

    public static int PaddedLength(int dimension) => (dimension + Alignment - 1) / Alignment * Alignment;

    /// <summary>Writes the codes of <paramref name="vector"/> into <paramref name="codes"/> (zeros past its end) and
    /// returns the scale.</summary>
    public static float Quantize(ReadOnlySpan<float> vector, Span<sbyte> codes)
    {
        codes.Clear();
        var maxAbs = vector.IsEmpty ? 0f : MathF.Abs(TensorPrimitives.MaxMagnitude(vector));
        if (maxAbs == 0f)
        {
            return 0f;
        }

        var inverse = 127f / maxAbs;
        for (var i = 0; i < vector.Length; i++)
        {
            codes[i] = (sbyte)Math.Clamp(MathF.Round(vector[i] * inverse), -127f, 127f);
        }

        return maxAbs / 127f;
    }

    /// <summary>Σ query_i · codes_i over spans of the same length, a multiple of <see cref="Alignment"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Dot(ReadOnlySpan<short> query, ReadOnlySpan<sbyte> codes)
    {
        if (Avx512BW.IsSupported)
        {
            return DotAvx512(query, codes);
        }

        return Avx2.IsSupported ? DotAvx2(query, codes) : DotPortable(query, codes);
    }

    internal static int DotAvx512(ReadOnlySpan<short> query, ReadOnlySpan<sbyte> codes)
    {
        ref var q = ref MemoryMarshal.GetReference(query);
        ref var c = ref MemoryMarshal.GetReference(codes);
        var length = (nuint)codes.Length;
        var sum0 = Vector512<int>.Zero;
        var sum1 = Vector512<int>.Zero;
        for (nuint i = 0; i < length; i += 64)
        {
            // vpmovsxbw then vpmaddwd: 32 products summed pairwise into 16 int32 lanes. |code| ≤ 127 keeps every
            // pair sum far below int16 saturation, which vpmaddubsw (u8 · s8) would not guarantee.
            var low = Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref c, i));
            var high = Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref c, i + 32));
            sum0 += Avx512BW.MultiplyAddAdjacent(low, Vector512.LoadUnsafe(ref q, i));
            sum1 += Avx512BW.MultiplyAddAdjacent(high, Vector512.LoadUnsafe(ref q, i + 32));
        }

        return Vector512.Sum(sum0 + sum1);
    }

    internal static int DotAvx2(ReadOnlySpan<short> query, ReadOnlySpan<sbyte> codes)
    {
        ref var q = ref MemoryMarshal.GetReference(query);
        ref var c = ref MemoryMarshal.GetReference(codes);
        var length = (nuint)codes.Length;
        var sum0 = Vector256<int>.Zero;
        var sum1 = Vector256<int>.Zero;
        for (nuint i = 0; i < length; i += 32)
        {
            var low = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref c, i));
            var high = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref c, i + 16));
            sum0 += Avx2.MultiplyAddAdjacent(low, Vector256.LoadUnsafe(ref q, i));
            sum1 += Avx2.MultiplyAddAdjacent(high, Vector256.LoadUnsafe(ref q, i + 16));
        }

        return Vector256.Sum(sum0 + sum1);
    }

    internal static int DotPortable(ReadOnlySpan<short> query, ReadOnlySpan<sbyte> codes)
    {
        ref var q = ref MemoryMarshal.GetReference(query);
        ref var c = ref MemoryMarshal.GetReference(codes);
        var length = (nuint)codes.Length;
        var sum = Vector128<int>.Zero;
        for (nuint i = 0; i < length; i += 16)
        {
            var (low, high) = Vector128.Widen(Vector128.LoadUnsafe(ref c, i));

            // Products of two values within ±127 fit in int16; widen them before summing.
            var productLow = low * Vector128.LoadUnsafe(ref q, i);
            var productHigh = high * Vector128.LoadUnsafe(ref q, i + 8);
            var (a, b) = Vector128.Widen(productLow);
            var (d, e) = Vector128.Widen(productHigh);
            sum += a + b + d + e;
        }

        return Vector128.Sum(sum);
    }
}
