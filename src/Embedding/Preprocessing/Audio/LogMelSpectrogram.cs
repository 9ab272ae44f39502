using System.Numerics.Tensors;

namespace Baize.Embedding.Preprocessing.Audio;

/// <summary>
/// Log-mel spectrogram of one clip, laid out [mel bin, frame] as the audio encoder expects ([1, 64, 300] by default):
/// frame t is samples [t·hop, t·hop + window) times a periodic Hann window, zero-padded to the FFT size;
/// power spectrum |X|²; HTK mel filters; ln(mel + offset); then (x − mean) / std.
/// Samples past Frames × hop are ignored and missing samples count as silence, so every clip is exactly
/// <see cref="AudioPreprocessing.ClipDuration"/> long. Thread-safe.
/// </summary>
public sealed class LogMelSpectrogram
{
    private readonly RealFft _fft;
    private readonly MelFilterBank _filters;
    private readonly float[] _window;

    public LogMelSpectrogram(AudioPreprocessing parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters.Frames, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters.HopLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters.WindowLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(parameters.WindowLength, parameters.FftSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parameters.LogOffset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parameters.Std);
        Parameters = parameters;
        _fft = new RealFft(parameters.FftSize);
        _filters = new MelFilterBank(parameters.MelBins, parameters.FftSize, parameters.SampleRate, parameters.MinFrequency, parameters.MaxFrequency);
        _window = new float[parameters.WindowLength];
        for (var i = 0; i < _window.Length; i++)
        {
            _window[i] = (float)(0.5 - (0.5 * Math.Cos(2 * Math.PI * i / _window.Length)));
        }
    }

    public AudioPreprocessing Parameters { get; }

    /// <summary>Floats per clip: MelBins × Frames.</summary>
    public int OutputLength => Parameters.MelBins * Parameters.Frames;

    /// <summary>Centre frequency of each mel bin in Hz.</summary>
    public IReadOnlyList<double> MelCentreFrequencies => _filters.CentreFrequencies;

    public float[] Compute(ReadOnlySpan<float> samples)
    {
        var output = new float[OutputLength];
        Compute(samples, output);
        return output;
    }

    /// <summary>Writes the clip's normalised log-mel values into <paramref name="destination"/> (MelBins × Frames).</summary>
    public void Compute(ReadOnlySpan<float> samples, Span<float> destination)
    {
        if (destination.Length != OutputLength)
        {
            throw new ArgumentException($"The destination must hold exactly {OutputLength} values.", nameof(destination));
        }

        var p = Parameters;
        var clip = samples[..Math.Min(samples.Length, p.Frames * p.HopLength)];
        Span<float> frame = stackalloc float[_fft.Size];
        Span<float> power = stackalloc float[_fft.BinCount];
        Span<float> mel = stackalloc float[p.MelBins];
        for (var t = 0; t < p.Frames; t++)
        {
            frame.Clear();
            var start = t * p.HopLength;
            if (start < clip.Length)
            {
                var count = Math.Min(_window.Length, clip.Length - start);
                TensorPrimitives.Multiply(clip.Slice(start, count), _window.AsSpan(0, count), frame[..count]);
            }

            _fft.PowerSpectrum(frame, power);
            _filters.Apply(power, mel);
            for (var m = 0; m < mel.Length; m++)
            {
                destination[(m * p.Frames) + t] = mel[m];
            }
        }

        TensorPrimitives.Add(destination, p.LogOffset, destination);
        TensorPrimitives.Log(destination, destination);
        TensorPrimitives.Subtract(destination, p.Mean, destination);
        TensorPrimitives.Divide(destination, p.Std, destination);
    }
}
