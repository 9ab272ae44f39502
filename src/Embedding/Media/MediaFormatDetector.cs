using System.Buffers.Binary;

namespace Baize.Embedding.Media;

/// <summary>
/// Recognises accepted containers from their signatures. Only recognised files ever reach a decoder, and
/// ffmpeg is then forced to the matching demuxer, so a crafted file cannot steer ffmpeg into one of its
/// many other demuxers (playlists, for example, can open further files).
/// </summary>
public static class MediaFormatDetector
{
    /// <summary>How many leading bytes <see cref="Detect"/> looks at.</summary>
    public const int HeaderLength = 16;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    public static MediaFormat? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith(PngSignature))
        {
            return MediaFormat.Png;
        }

        if (header.StartsWith(JpegSignature))
        {
            return MediaFormat.Jpeg;
        }

        if (header.Length >= 12 && header.StartsWith("RIFF"u8))
        {
            var kind = header.Slice(8, 4);
            if (kind.SequenceEqual("WEBP"u8))
            {
                return MediaFormat.WebP;
            }

            if (kind.SequenceEqual("WAVE"u8))
            {
                return MediaFormat.Wav;
            }
        }

        if (header.StartsWith("OggS"u8))
        {
            return MediaFormat.Ogg;
        }

        if (header.StartsWith("fLaC"u8))
        {
            return MediaFormat.Flac;
        }

        if (header.Length >= 8 && header.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            return MediaFormat.Mp4;
        }

        if (header.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(header) == 0x1A45DFA3)
        {
            return MediaFormat.Matroska;
        }

        if (header.StartsWith("ID3"u8) || IsMpegAudioFrameHeader(header))
        {
            return MediaFormat.Mp3;
        }

        return null;
    }

    /// <summary>The ffmpeg demuxer that reads <paramref name="format"/>.</summary>
    public static string FfmpegDemuxer(MediaFormat format) => format switch
    {
        MediaFormat.Wav => "wav",
        MediaFormat.Mp3 => "mp3",
        MediaFormat.Ogg => "ogg",
        MediaFormat.Flac => "flac",
        MediaFormat.Mp4 => "mov",
        MediaFormat.Matroska => "matroska",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Images are not decoded with ffmpeg."),
    };

    /// <summary>An MPEG audio frame header without an ID3 tag in front: sync word and no reserved field values.</summary>
    private static bool IsMpegAudioFrameHeader(ReadOnlySpan<byte> header)
    {
        if (header.Length < 3 || header[0] != 0xFF || (header[1] & 0xE0) != 0xE0)
        {
            return false;
        }

        var version = (header[1] >> 3) & 0b11;
        var layer = (header[1] >> 1) & 0b11;
        var bitrateIndex = header[2] >> 4;
        var sampleRateIndex = (header[2] >> 2) & 0b11;
        return version != 0b01 && layer != 0b00 && bitrateIndex != 0b1111 && sampleRateIndex != 0b11;
    }
}
