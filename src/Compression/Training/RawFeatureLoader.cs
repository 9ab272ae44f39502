using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Baize.Corpus.Samples;
using Baize.Corpus.Speech;
using Baize.Embedding.Media;
using Baize.Embedding.Preprocessing.Audio;
using Baize.Embedding.Preprocessing.Image;
using Baize.Embedding.Preprocessing.Video;

namespace Baize.Compression.Training;

/// <summary>
/// Turns a corpus split into <see cref="RawFeatures"/> with the serving side's own preprocessors (so training and
/// serving cannot disagree), decoding media in parallel and caching the result under a key of the split's sample
/// ids and the preprocessing parameters.
/// </summary>
public sealed class RawFeatureLoader(CorpusReader corpus, string cacheFolder)
{
    /// <summary>Identity normalisation: the preprocessors return value/255 and plain log-mel values.</summary>
    private static readonly ImagePreprocessing RawImage = new() { Mean = [0f, 0f, 0f], Std = [1f, 1f, 1f] };
    private static readonly AudioPreprocessing RawAudio = new() { Mean = 0f, Std = 1f };
    private static readonly VideoPreprocessing RawVideo = new() { Mean = [0f, 0f, 0f], Std = [1f, 1f, 1f] };

    public static int PixelLength => 3 * RawImage.Size * RawImage.Size;

    public static int AudioLength => RawAudio.MelBins * RawAudio.Frames;

    public static int FramesLength => RawVideo.FrameCount * 3 * RawVideo.Size * RawVideo.Size;

    public async Task<RawFeatures> LoadAsync(string split, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var samples = corpus.ReadSplit(split);
        var scenes = samples.Where(s => s.Kind == SampleKind.Scene).ToList();
        var clips = samples.Where(s => s.Kind == SampleKind.Clip).ToList();
        Directory.CreateDirectory(cacheFolder);
        var key = CacheKey(split, samples);

        var image = new ImagePreprocessor(RawImage);
        var audio = new AudioPreprocessor(RawAudio);
        var video = new VideoPreprocessor(RawVideo);
        var scenePixels = await LoadOrComputeAsync($"{split}-{key}-scene-pixels", scenes, PixelLength, (s, ct) => image.PreprocessAsync(corpus.ResolvePath(s, s.ImagePath!), ct), progress, cancellationToken);
        var sceneAudio = await LoadOrComputeAsync($"{split}-{key}-scene-audio", scenes, AudioLength, (s, ct) => SpeechLogMelAsync(audio, s, ct), progress, cancellationToken);
        var clipFrames = await LoadOrComputeAsync($"{split}-{key}-clip-frames", clips, FramesLength, (s, ct) => video.PreprocessAsync(corpus.ResolvePath(s, s.VideoPath!), ct), progress, cancellationToken);
        var clipAudio = await LoadOrComputeAsync($"{split}-{key}-clip-audio", clips, AudioLength, (s, ct) => SpeechLogMelAsync(audio, s, ct), progress, cancellationToken);
        return new RawFeatures(scenes, clips, scenePixels, sceneAudio, clipFrames, clipAudio);
    }

    /// <summary>
    /// The corpus writes its speech as 16 kHz PCM16 mono WAV, so it is read directly instead of through two ffmpeg
    /// processes per file; the log-mel itself is the serving code's.
    /// </summary>
    private async Task<float[]> SpeechLogMelAsync(AudioPreprocessor audio, CorpusSample sample, CancellationToken cancellationToken)
    {
        var path = corpus.ResolvePath(sample, sample.AudioPath);
        var (sampleRate, samples) = WavFile.ReadPcm16Mono(await File.ReadAllBytesAsync(path, cancellationToken), path);
        var decoded = new DecodedAudio(samples, sampleRate);
        return audio.ComputeLogMel(decoded, new TimeWindow(TimeSpan.Zero, audio.Parameters.ClipDuration));
    }

    private async Task<float[]> LoadOrComputeAsync(
        string name,
        IReadOnlyList<CorpusSample> samples,
        int itemLength,
        Func<CorpusSample, CancellationToken, Task<float[]>> preprocess,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        var path = Path.Combine(cacheFolder, name + ".f32");
        if (FeatureArrays.TryRead(path, (long)samples.Count * itemLength) is { } cached)
        {
            return cached;
        }

        var values = new float[(long)samples.Count * itemLength];
        var done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount * 2, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, samples.Count), parallel, async (i, ct) =>
        {
            var item = await preprocess(samples[i], ct);
            if (item.Length != itemLength)
            {
                throw new InvalidDataException($"Preprocessing {samples[i].Id} gave {item.Length} values, not {itemLength}.");
            }

            item.CopyTo(values, (long)i * itemLength);
            var finished = Interlocked.Increment(ref done);
            progress?.Report(new TrainingProgress($"preprocess {name}", finished, samples.Count));
        });
        FeatureArrays.Write(path, values);
        return values;
    }

    private static string CacheKey(string split, IReadOnlyList<CorpusSample> samples)
    {
        var text = new StringBuilder(split);
        foreach (var sample in samples)
        {
            text.Append('|').Append(sample.Id).Append(':').Append(sample.Caption);
        }

        // Records print their lists as type names, so the list-valued parameters are spelled out.
        text.Append(CultureInfo.InvariantCulture, $"|{RawAudio}|image {RawImage.Size} {string.Join(',', RawImage.Mean)} {string.Join(',', RawImage.Std)}");
        text.Append(CultureInfo.InvariantCulture, $"|video {RawVideo.FrameCount} {RawVideo.Size} {string.Join(',', RawVideo.Mean)} {string.Join(',', RawVideo.Std)}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
