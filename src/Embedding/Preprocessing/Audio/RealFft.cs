namespace Baize.Embedding.Preprocessing.Audio;

/// <summary>
/// Radix-2 FFT of a real frame, computed as one complex FFT of half the length followed by the standard
/// split step. Written here rather than taken from a numerics package because it is about sixty lines and
/// the spectrogram needs nothing else from one. Immutable after construction, so thread-safe.
/// </summary>
internal sealed class RealFft
{
    /// <summary>Keeps the stack scratch of <see cref="PowerSpectrum"/> small.</summary>
    public const int MaxSize = 8192;

    private readonly int _half;
    private readonly int[] _bitReversed;

    // Twiddles e^{-2πik/half} for the complex stages and e^{-2πik/size} for the split, stored as cos and −sin.
    private readonly float[] _stageCos;
    private readonly float[] _stageSin;
    private readonly float[] _splitCos;
    private readonly float[] _splitSin;

    public RealFft(int size)
    {
        if (size < 4 || size > MaxSize || !int.IsPow2(size))
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"The FFT size must be a power of two between 4 and {MaxSize}.");
        }

        Size = size;
        _half = size / 2;
        var bits = int.Log2(_half);
        _bitReversed = new int[_half];
        for (var i = 0; i < _half; i++)
        {
            _bitReversed[i] = ReverseBits(i, bits);
        }

        (_stageCos, _stageSin) = Twiddles(_half / 2, _half);
        (_splitCos, _splitSin) = Twiddles(_half + 1, size);
    }

    public int Size { get; }

    /// <summary>Number of non-negative frequency bins: Size / 2 + 1.</summary>
    public int BinCount => _half + 1;

    /// <summary>|X[k]|² for k = 0 … Size/2 of the real frame (no scaling).</summary>
    public void PowerSpectrum(ReadOnlySpan<float> frame, Span<float> power)
    {
        if (frame.Length != Size || power.Length != BinCount)
        {
            throw new ArgumentException($"Expected a frame of {Size} samples and room for {BinCount} bins.");
        }

        Span<float> re = stackalloc float[_half];
        Span<float> im = stackalloc float[_half];

        // Even samples become the real part, odd samples the imaginary part, in bit-reversed order.
        for (var k = 0; k < _half; k++)
        {
            re[_bitReversed[k]] = frame[2 * k];
            im[_bitReversed[k]] = frame[(2 * k) + 1];
        }

        for (var length = 2; length <= _half; length <<= 1)
        {
            var halfLength = length / 2;
            var stride = _half / length;
            for (var block = 0; block < _half; block += length)
            {
                for (var j = 0; j < halfLength; j++)
                {
                    var wr = _stageCos[j * stride];
                    var wi = _stageSin[j * stride];
                    var a = block + j;
                    var b = a + halfLength;
                    var tr = (wr * re[b]) - (wi * im[b]);
                    var ti = (wr * im[b]) + (wi * re[b]);
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }

        // Split Z into the spectra of the even (E) and odd (O) samples, then X[k] = E[k] + e^{-2πik/N} O[k].
        for (var k = 0; k <= _half; k++)
        {
            var k1 = k % _half;
            var k2 = (_half - k) % _half;
            float ar = re[k1], ai = im[k1], br = re[k2], bi = -im[k2];
            var er = 0.5f * (ar + br);
            var ei = 0.5f * (ai + bi);
            var or = 0.5f * (ai - bi);
            var oi = -0.5f * (ar - br);
            var xr = er + (_splitCos[k] * or) - (_splitSin[k] * oi);
            var xi = ei + (_splitCos[k] * oi) + (_splitSin[k] * or);
            power[k] = (xr * xr) + (xi * xi);
        }
    }

    private static (float[] Cos, float[] Sin) Twiddles(int count, int period)
    {
        var cos = new float[count];
        var sin = new float[count];
        for (var k = 0; k < count; k++)
        {
            var angle = -2.0 * Math.PI * k / period;
            cos[k] = (float)Math.Cos(angle);
            sin[k] = (float)Math.Sin(angle);
        }

        return (cos, sin);
    }

    private static int ReverseBits(int value, int bits)
    {
        var reversed = 0;
        for (var i = 0; i < bits; i++)
        {
            reversed = (reversed << 1) | ((value >> i) & 1);
        }

        return reversed;
    }
}
