namespace Baize.Embedding.Media;

/// <summary>The containers Baize accepts, identified from their leading bytes rather than the file name.</summary>
public enum MediaFormat
{
    Png,
    Jpeg,
    WebP,
    Wav,
    Mp3,
    Ogg,
    Flac,

    /// <summary>ISO base media (MP4, M4A, MOV with an ftyp box).</summary>
    Mp4,

    /// <summary>Matroska, including WebM and MKV.</summary>
    Matroska,
}
