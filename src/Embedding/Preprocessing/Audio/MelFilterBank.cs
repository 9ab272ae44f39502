using System.Numerics.Tensors;

namespace Baize.Embedding.Preprocessing.Audio;

/// <summary>
/// Triangular mel filters on the HTK mel scale (mel = 2595 · log10(1 + f / 700)), peak weight 1, no area
/// normalisation. Stored sparsely: each filter keeps only the FFT bins it covers.
/// </summary>
internal sealed class MelFilterBank
{
    private readonly int[] _firstBin;
    private readonly float[][] _weights;

    public MelFilterBank(int melBins, int fftSize, int sampleRate, double minFrequency, double maxFrequency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(melBins, 1);
        if (minFrequency < 0 || maxFrequency <= minFrequency || maxFrequency > sampleRate / 2.0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxFrequency), $"Need 0 <= min < max <= {sampleRate / 2} Hz, got {minFrequency}–{maxFrequency} Hz.");
        }

        // melBins + 2 edges equally spaced in mel: filter m rises from edge m to m + 1 and falls to m + 2.
        var lowMel = HzToMel(minFrequency);
        var step = (HzToMel(maxFrequency) - lowMel) / (melBins + 1);
        var edges = Enumerable.Range(0, melBins + 2).Select(i => MelToHz(lowMel + (i * step))).ToArray();
        CentreFrequencies = edges[1..^1];

        var binHz = (double)sampleRate / fftSize;
        var binCount = (fftSize / 2) + 1;
        _firstBin = new int[melBins];
        _weights = new float[melBins][];
        for (var m = 0; m < melBins; m++)
        {
            var weights = new List<float>();
            var first = -1;
            for (var k = 0; k < binCount; k++)
            {
                var frequency = k * binHz;
                var rising = (frequency - edges[m]) / (edges[m + 1] - edges[m]);
                var falling = (edges[m + 2] - frequency) / (edges[m + 2] - edges[m + 1]);
                var weight = Math.Min(rising, falling);
                if (weight > 0)
                {
                    first = first < 0 ? k : first;
                    weights.Add((float)weight);
                }
                else if (first >= 0)
                {
                    break;
                }
            }

            _firstBin[m] = Math.Max(first, 0);
            _weights[m] = [.. weights];
        }
    }

    public int MelBins => _weights.Length;

    /// <summary>Centre frequency of each filter in Hz.</summary>
    public IReadOnlyList<double> CentreFrequencies { get; }

    public static double HzToMel(double hz) => 2595.0 * Math.Log10(1.0 + (hz / 700.0));

    public static double MelToHz(double mel) => 700.0 * (Math.Pow(10.0, mel / 2595.0) - 1.0);

    /// <summary>Energy in each mel band of one power spectrum.</summary>
    public void Apply(ReadOnlySpan<float> power, Span<float> mel)
    {
        for (var m = 0; m < _weights.Length; m++)
        {
            var weights = _weights[m];
            mel[m] = weights.Length == 0 ? 0 : TensorPrimitives.Dot(power.Slice(_firstBin[m], weights.Length), weights);
        }
    }
}
