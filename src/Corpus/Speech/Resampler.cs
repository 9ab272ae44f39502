namespace Baize.Corpus.Speech;

/// <summary>
/// Polyphase windowed-sinc resampler. Doing this in process instead of one more ffmpeg run per sample
/// halves the number of processes the generator starts, and it is exactly reproducible.
/// </summary>
internal sealed class Resampler
{
    private const int HalfWidth = 24;
    private const double Rolloff = 0.94;

    private readonly int _upFactor;
    private readonly int _downFactor;
    private readonly float[][] _phases;

    public Resampler(int fromRate, int toRate)
    {
        var divisor = GreatestCommonDivisor(fromRate, toRate);
        _upFactor = toRate / divisor;
        _downFactor = fromRate / divisor;
        // Cut off below the lower of the two Nyquist frequencies, in cycles per input sample.
        var cutoff = 0.5 * Math.Min(1.0, (double)toRate / fromRate) * Rolloff;
        _phases = new float[_upFactor][];
        for (var phase = 0; phase < _upFactor; phase++)
        {
            _phases[phase] = Taps(cutoff, (double)phase / _upFactor);
        }
    }

    public float[] Resample(ReadOnlySpan<float> input)
    {
        var output = new float[(int)((long)input.Length * _upFactor / _downFactor)];
        for (var n = 0; n < output.Length; n++)
        {
            var position = (long)n * _downFactor;
            var centre = (int)(position / _upFactor);
            var taps = _phases[position % _upFactor];
            var sum = 0f;
            for (var j = 0; j < taps.Length; j++)
            {
                var index = centre - HalfWidth + 1 + j;
                if ((uint)index < (uint)input.Length)
                {
                    sum += input[index] * taps[j];
                }
            }

            output[n] = sum;
        }

        return output;
    }

    private static float[] Taps(double cutoff, double fraction)
    {
        var taps = new double[2 * HalfWidth];
        for (var j = 0; j < taps.Length; j++)
        {
            var t = j - HalfWidth + 1 - fraction;
            var x = 2.0 * cutoff * t;
            var sinc = x == 0 ? 1.0 : Math.Sin(Math.PI * x) / (Math.PI * x);
            var window = 0.42 + (0.5 * Math.Cos(Math.PI * t / HalfWidth)) + (0.08 * Math.Cos(2 * Math.PI * t / HalfWidth));
            taps[j] = Math.Abs(t) >= HalfWidth ? 0 : sinc * window;
        }

        // Unit gain at DC for every phase, so no phase-dependent ripple in loudness.
        var total = taps.Sum();
        return [.. taps.Select(tap => (float)(tap / total))];
    }

    private static int GreatestCommonDivisor(int a, int b) => b == 0 ? a : GreatestCommonDivisor(b, a % b);
}
