using System.Runtime.InteropServices;
using Baize.Embedding.Media;

namespace Baize.Embedding.Preprocessing.Audio;

/// <summary>
/// Decodes WAV, MP3, OGG, FLAC, or the audio track of MP4/WebM/MKV, with ffmpeg to mono float PCM at the
/// configured rate, and turns clips of it into log-mel spectrograms. A clip is <see cref="AudioPreprocessing.ClipDuration"/>
/// long (6.0 s by default); shorter audio is padded with silence, longer audio cut. Thread-safe.
/// </summary>
public sealed class AudioPreprocessor
{
    private const string Kind = "audio";

    /// <summary>Decoded audio this much shorter than the container declares is taken as truncated.</summary>
    private const double TruncationTolerance = 0.9;

    private static readonly TimeSpan TruncationSlack = TimeSpan.FromMilliseconds(100);

    private static readonly MediaFormat[] AcceptedFormats =
        [MediaFormat.Wav, MediaFormat.Mp3, MediaFormat.Ogg, MediaFormat.Flac, MediaFormat.Mp4, MediaFormat.Matroska];

    private readonly MediaDecodeOptions _options;

    public AudioPreprocessor(AudioPreprocessing parameters, MediaDecodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Spectrogram = new LogMelSpectrogram(parameters);
        _options = options ?? MediaDecodeOptions.Default;
    }

    public AudioPreprocessing Parameters => Spectrogram.Parameters;

    public LogMelSpectrogram Spectrogram { get; }

    public int OutputLength => Spectrogram.OutputLength;

    /// <summary>Container, duration and streams, for planning clip windows over a long recording.</summary>
    public async Task<MediaInfo> ProbeAsync(string path, CancellationToken cancellationToken = default)
    {
        var format = MediaFile.Inspect(path, Kind, AcceptedFormats, _options);
        return await MediaProbe.ProbeAsync(path, format, MediaFile.Describe(path, Kind), _options, cancellationToken);
    }

    /// <summary>The log-mel input of one clip starting at the beginning of the file.</summary>
    public Task<float[]> PreprocessAsync(string path, CancellationToken cancellationToken = default) =>
        PreprocessAsync(path, new TimeWindow(TimeSpan.Zero, Parameters.ClipDuration), cancellationToken);

    /// <summary>The log-mel input of the clip [start, end) of the file, decoding only that part.</summary>
    public async Task<float[]> PreprocessAsync(string path, TimeWindow window, CancellationToken cancellationToken = default)
    {
        var audio = await DecodeAsync(path, window, cancellationToken);
        return Spectrogram.Compute(audio.Samples.Span);
    }

    /// <summary>The log-mel input of the clip [start, end) of audio decoded earlier.</summary>
    public float[] ComputeLogMel(DecodedAudio audio, TimeWindow window)
    {
        ArgumentNullException.ThrowIfNull(audio);
        if (audio.SampleRate != Parameters.SampleRate)
        {
            throw new ArgumentException($"The audio is at {audio.SampleRate} Hz; this preprocessor needs {Parameters.SampleRate} Hz.", nameof(audio));
        }

        return Spectrogram.Compute(audio.Slice(window).Span);
    }

    /// <summary>Decodes the whole file, or only <paramref name="window"/> of it, to mono PCM at <see cref="AudioPreprocessing.SampleRate"/>.</summary>
    public Task<DecodedAudio> DecodeAsync(string path, TimeWindow? window = null, CancellationToken cancellationToken = default) =>
        DecodeAsync(path, info: null, window, cancellationToken);

    /// <summary>As above, for a file probed earlier with <see cref="ProbeAsync"/> (one ffprobe fewer).</summary>
    public async Task<DecodedAudio> DecodeAsync(string path, MediaInfo? info, TimeWindow? window = null, CancellationToken cancellationToken = default)
    {
        var format = MediaFile.Inspect(path, Kind, AcceptedFormats, _options);
        var subject = MediaFile.Describe(path, Kind);
        info ??= await MediaProbe.ProbeAsync(path, format, subject, _options, cancellationToken);
        if (info.Audio is null)
        {
            throw new MediaDecodeException(MediaDecodeReason.MissingStream, $"{subject} has no audio stream.");
        }

        var audioDuration = info.Audio.Duration ?? info.Duration;
        if (window is { } requested && audioDuration is { } duration)
        {
            window = requested.ClipTo(duration)
                ?? throw new ArgumentOutOfRangeException(nameof(window), $"The window starts at {requested.Start.TotalSeconds} s, after the end of {subject} ({duration.TotalSeconds} s).");
        }

        var arguments = FfmpegInput.Arguments(format, path, window);
        arguments.AddRange(["-map", "0:a:0", "-vn", "-sn", "-dn", "-ac", "1", "-ar", $"{Parameters.SampleRate}", "-f", "f32le", "pipe:1"]);
        var tool = new ExternalTool(_options.FfmpegPath, "ffmpeg");
        var result = await ExternalProcess.RunAsync(tool, arguments, _options.MaxDecodedBytes, _options.ToolTimeout, subject, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new MediaDecodeException(MediaDecodeReason.Corrupt, $"{subject} cannot be decoded: {MediaProbe.FirstLine(result.Errors, path)}");
        }

        var samples = MemoryMarshal.Cast<byte, float>(result.Output.Span).ToArray();
        if (samples.Length == 0)
        {
            throw new MediaDecodeException(MediaDecodeReason.Corrupt, $"{subject} contains no decodable audio.");
        }

        // Truncation shows as less audio than the container declares; without a declared duration there is nothing to compare.
        var audio = new DecodedAudio(samples, Parameters.SampleRate);
        var expected = audioDuration is null ? null : window?.Length ?? audioDuration;
        if (expected is { } declared && audio.Duration < (declared * TruncationTolerance) - TruncationSlack)
        {
            throw new MediaDecodeException(
                MediaDecodeReason.Corrupt,
                $"{subject} decodes to {audio.Duration.TotalSeconds:0.##} s of the {declared.TotalSeconds:0.##} s it declares; it is truncated or damaged.");
        }

        return audio;
    }
}
