using System.Text;
using Baize.Embedding.Media;
using Baize.Embedding.Preprocessing.Audio;
using Baize.Embedding.Preprocessing.Image;
using Baize.Embedding.Preprocessing.Video;
using Baize.Indexer.Items;

namespace Baize.Indexer.Ingestion;

/// <summary>
/// Decides what an upload is from its bytes (never from its name or declared type, except that undetected bytes
/// declared as text/plain are taken as text when they are valid UTF-8) and checks it before it is accepted: images are
/// decoded in full, audio and video are probed by ffprobe. Deeper damage in a long recording surfaces at indexing, as
/// a failed item with the decoder's reason.
/// </summary>
public sealed class MediaInspector(MediaDecodeOptions mediaOptions, int maxTextCharacters)
{
    private readonly ImagePreprocessor _images = new(new ImagePreprocessing(), mediaOptions);
    private readonly AudioPreprocessor _audio = new(new AudioPreprocessing(), mediaOptions);
    private readonly VideoPreprocessor _video = new(new VideoPreprocessing(), mediaOptions);

    /// <exception cref="IngestionException">The file is empty, unsupported or damaged.</exception>
    public async Task<InspectedMedia> InspectAsync(string path, string? declaredContentType, CancellationToken cancellationToken)
    {
        var header = new byte[MediaFormatDetector.HeaderLength];
        int read;
        await using (var file = File.OpenRead(path))
        {
            read = await file.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        }

        if (read == 0)
        {
            throw new IngestionException(IngestionProblem.Invalid, "The file is empty.");
        }

        try
        {
            return MediaFormatDetector.Detect(header.AsSpan(0, read)) switch
            {
                MediaFormat.Png => await ImageAsync(path, "png", "image/png", cancellationToken),
                MediaFormat.Jpeg => await ImageAsync(path, "jpeg", "image/jpeg", cancellationToken),
                MediaFormat.WebP => await ImageAsync(path, "webp", "image/webp", cancellationToken),
                MediaFormat.Wav => await AudioAsync(path, "wav", "audio/wav", cancellationToken),
                MediaFormat.Mp3 => await AudioAsync(path, "mp3", "audio/mpeg", cancellationToken),
                MediaFormat.Ogg => await AudioAsync(path, "ogg", "audio/ogg", cancellationToken),
                MediaFormat.Flac => await AudioAsync(path, "flac", "audio/flac", cancellationToken),
                MediaFormat.Mp4 => await ContainerAsync(path, "mp4", "video/mp4", "audio/mp4", cancellationToken),
                MediaFormat.Matroska => await ContainerAsync(path, "matroska", "video/x-matroska", "audio/x-matroska", cancellationToken),
                _ => await TextAsync(path, declaredContentType, cancellationToken),
            };
        }
        catch (MediaDecodeException exception)
        {
            throw Refusal(exception);
        }
    }

    /// <summary>How a decoder's refusal reads as an ingestion problem.</summary>
    public static IngestionException Refusal(MediaDecodeException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new IngestionException(ProblemOf(exception.Reason), exception.Message);
    }

    private static IngestionProblem ProblemOf(MediaDecodeReason reason) => reason switch
    {
        MediaDecodeReason.Empty => IngestionProblem.Invalid,
        MediaDecodeReason.TooLarge => IngestionProblem.TooLarge,
        MediaDecodeReason.UnsupportedFormat => IngestionProblem.UnsupportedType,
        _ => IngestionProblem.Unprocessable,
    };

    private async Task<InspectedMedia> ImageAsync(string path, string format, string contentType, CancellationToken cancellationToken)
    {
        await _images.PreprocessAsync(path, cancellationToken);
        return new InspectedMedia(ItemKind.Image, format, contentType);
    }

    private async Task<InspectedMedia> AudioAsync(string path, string format, string contentType, CancellationToken cancellationToken)
    {
        var info = await _audio.ProbeAsync(path, cancellationToken);
        if (info.Audio is null)
        {
            throw new IngestionException(IngestionProblem.Unprocessable, "The file has no audio stream.");
        }

        return new InspectedMedia(ItemKind.Audio, format, contentType);
    }

    private async Task<InspectedMedia> ContainerAsync(string path, string format, string videoType, string audioType, CancellationToken cancellationToken)
    {
        var info = await _video.ProbeAsync(path, cancellationToken);
        return (info.Video, info.Audio) switch
        {
            ({ }, _) => new InspectedMedia(ItemKind.Video, format, videoType),
            (null, { }) => new InspectedMedia(ItemKind.Audio, format, audioType),
            _ => throw new IngestionException(IngestionProblem.Unprocessable, "The container holds neither video nor audio."),
        };
    }

    private async Task<InspectedMedia> TextAsync(string path, string? declaredContentType, CancellationToken cancellationToken)
    {
        var declaredText = declaredContentType is not null
            && declaredContentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase);
        if (!declaredText)
        {
            throw new IngestionException(
                IngestionProblem.UnsupportedType,
                "The file is not a supported format: images PNG/JPEG/WebP, audio WAV/MP3/OGG/FLAC, video MP4/WebM/MKV, or UTF-8 text sent as text/plain.");
        }

        string text;
        try
        {
            text = await StrictUtf8.ReadFileAsync(path, cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            throw new IngestionException(IngestionProblem.Unprocessable, "The text is not valid UTF-8.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new IngestionException(IngestionProblem.Invalid, "The text is empty.");
        }

        if (text.Length > maxTextCharacters)
        {
            throw new IngestionException(IngestionProblem.TooLarge, $"The text has {text.Length} characters; the limit is {maxTextCharacters}.");
        }

        return new InspectedMedia(ItemKind.Text, "text", "text/plain; charset=utf-8");
    }
}
