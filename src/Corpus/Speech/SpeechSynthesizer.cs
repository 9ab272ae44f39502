using System.Globalization;
using Baize.Corpus.Processes;

namespace Baize.Corpus.Speech;

/// <summary>
/// Speaks a caption with espeak-ng and returns 16 kHz mono samples with mild Gaussian noise added.
/// A caption that would run past the target length is spoken again, faster, so every clip fits the
/// encoders' 6 s audio window without cutting words off.
/// </summary>
internal static class SpeechSynthesizer
{
    public const int SampleRate = 16_000;
    public const double TargetSeconds = 5.5;
    public const double MaxSeconds = 6.0;

    private const int MaxAttempts = 4;

    // Voices and pitches differ in loudness (some reach full scale); a common peak level keeps them comparable
    // and leaves headroom for the noise.
    private const float PeakLevel = 0.7f;

    public static async Task<float[]> SpeakAsync(string text, SpeechSettings settings, CancellationToken ct)
    {
        var speed = settings.WordsPerMinute;
        for (var attempt = 1; ; attempt++)
        {
            var wav = await ExternalTool.RunAsync(
                "espeak-ng",
                ["-v", settings.Voice, "-s", Invariant(speed), "-p", Invariant(settings.Pitch), "--stdout", text],
                ReadOnlyMemory<byte>.Empty,
                ct);
            var (rate, samples) = WavFile.ReadPcm16Mono(wav, $"espeak-ng -v {settings.Voice}");
            var seconds = (double)samples.Length / rate;
            if (seconds <= TargetSeconds || (seconds <= MaxSeconds && attempt == MaxAttempts))
            {
                var resampled = new Resampler(rate, SampleRate).Resample(samples);
                Normalise(resampled);
                AddNoise(resampled, settings.NoiseLevel, settings.NoiseSeed);
                return resampled;
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"\"{text}\" takes {seconds:F1} s even at {speed} words per minute; the caption is too long to speak.");
            }

            // Aim a little under the target: espeak's length is not exactly proportional to its speed.
            speed = (int)Math.Ceiling(speed * seconds / (TargetSeconds - 0.2));
        }
    }

    private static void Normalise(float[] samples)
    {
        var peak = samples.Length == 0 ? 0f : samples.Max(MathF.Abs);
        if (peak > 0f)
        {
            var gain = PeakLevel / peak;
            for (var i = 0; i < samples.Length; i++)
            {
                samples[i] *= gain;
            }
        }
    }

    private static void AddNoise(float[] samples, float level, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < samples.Length; i++)
        {
            // Box-Muller: a standard normal draw from two uniform ones.
            var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
            samples[i] += (float)(radius * Math.Cos(2.0 * Math.PI * random.NextDouble()) * level);
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
