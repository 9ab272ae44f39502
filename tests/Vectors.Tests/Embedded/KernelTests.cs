using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Baize.Vectors.Embedded;
using Baize.Vectors.Tests.Conformance;

namespace Baize.Vectors.Tests.Embedded;

/// <summary>The SIMD kernels agree with plain arithmetic on every code path this CPU has, and the heap keeps the top k.</summary>
public sealed class KernelTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(48)]
    [InlineData(128)]
    [InlineData(784)]
    public void Float_dot_products_match_a_double_precision_reference_on_every_path(int length)
    {
        var random = new Random(length);
        var left = TestVectors.Gaussian(random, length);
        var right = TestVectors.Gaussian(random, length);
        var expected = TestVectors.Dot(left, right);

        Assert.Equal(expected, FloatKernels.DotPortable(left, right), 1e-3);
        Assert.Equal(expected, FloatKernels.Dot(left, right), 1e-3);
        if (Vector256.IsHardwareAccelerated)
        {
            Assert.Equal(expected, FloatKernels.Dot256(left, right), 1e-3);
        }

        if (Vector512.IsHardwareAccelerated)
        {
            Assert.Equal(expected, FloatKernels.Dot512(left, right), 1e-3);
        }
    }

    [Theory]
    [InlineData(64)]
    [InlineData(128)]
    [InlineData(832)]
    public void Int8_dot_products_are_exact_on_every_path(int length)
    {
        var random = new Random(length);
        var codes = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
        var query = Enumerable.Range(0, length).Select(_ => (short)random.Next(-127, 128)).ToArray();
        var expected = codes.Zip(query, (c, q) => c * q).Sum();

        // The extremes: every product at ±127², where a saturating int16 path would go wrong.
        var extreme = Enumerable.Repeat((sbyte)-127, length).ToArray();
        var extremeQuery = Enumerable.Repeat((short)-127, length).ToArray();

        Assert.Equal(expected, Int8Kernels.DotPortable(query, codes));
        Assert.Equal(expected, Int8Kernels.Dot(query, codes));
        Assert.Equal(127 * 127 * length, Int8Kernels.Dot(extremeQuery, extreme));
        Assert.Equal(127 * 127 * length, Int8Kernels.DotPortable(extremeQuery, extreme));
        if (Avx2.IsSupported)
        {
            Assert.Equal(expected, Int8Kernels.DotAvx2(query, codes));
            Assert.Equal(127 * 127 * length, Int8Kernels.DotAvx2(extremeQuery, extreme));
        }

        if (Avx512BW.IsSupported)
        {
            Assert.Equal(expected, Int8Kernels.DotAvx512(query, codes));
            Assert.Equal(127 * 127 * length, Int8Kernels.DotAvx512(extremeQuery, extreme));
        }
    }

    [Fact]
    public void Quantising_keeps_every_value_within_half_a_step_and_pads_with_zeros()
    {
        var vector = TestVectors.RandomUnit(1, 100, seed: 3)[0];
        var codes = new sbyte[Int8Kernels.PaddedLength(100)];
        codes.AsSpan().Fill(99);

        var scale = Int8Kernels.Quantize(vector, codes);

        Assert.Equal(vector.Max(Math.Abs) / 127f, scale, 1e-7f);
        Assert.Contains(codes, c => Math.Abs(c) == 127);
        for (var i = 0; i < vector.Length; i++)
        {
            Assert.InRange(Math.Abs(vector[i] - (codes[i] * scale)), 0f, (scale / 2) + 1e-7f);
        }

        Assert.All(codes[100..], c => Assert.Equal(0, c));
        Assert.Equal(0f, Int8Kernels.Quantize(new float[8], codes));
    }

    [Fact]
    public void The_top_k_heap_keeps_exactly_the_k_best_scores()
    {
        var random = new Random(4);
        var scores = Enumerable.Range(0, 1000).Select(_ => (float)random.NextDouble()).ToArray();
        var heap = new TopKHeap(10);

        for (var row = 0; row < scores.Length; row++)
        {
            heap.Add(scores[row], row);
        }

        Assert.Equal(scores.OrderDescending().Take(10), heap.ToArray().Select(hit => hit.Score).OrderDescending());
        Assert.All(heap.ToArray(), hit => Assert.Equal(scores[hit.Row], hit.Score));
        Assert.Equal(scores.OrderDescending().ElementAt(9), heap.Threshold);
    }

    [Fact]
    public void Guid_order_is_the_order_of_the_canonical_strings_and_of_the_stored_bytes()
    {
        var ids = Enumerable.Range(0, 500).Select(_ => Guid.NewGuid()).Append(Guid.Parse("ffffffff-0000-0000-0000-000000000000")).ToList();

        var byCompareTo = ids.Order().ToList();
        var byString = ids.OrderBy(id => id.ToString(), StringComparer.Ordinal).ToList();
        var byBytes = ids.OrderBy(id => Convert.ToHexString(GuidBytes.ToBlob(id)), StringComparer.Ordinal).ToList();

        Assert.Equal(byString, byCompareTo);
        Assert.Equal(byString, byBytes);
        Assert.All(ids, id => Assert.Equal(id, GuidBytes.FromBlob(GuidBytes.ToBlob(id))));
    }
}
