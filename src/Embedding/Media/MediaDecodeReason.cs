namespace Baize.Embedding.Media;

/// <summary>Why a media file could not be turned into model input.</summary>
public enum MediaDecodeReason
{
    /// <summary>The file has no bytes.</summary>
    Empty,

    /// <summary>The file, its pixel count or its decoded output exceeds a configured limit.</summary>
    TooLarge,

    /// <summary>The bytes are not one of the accepted formats for this modality.</summary>
    UnsupportedFormat,

    /// <summary>The format is recognised but the content is truncated or damaged.</summary>
    Corrupt,

    /// <summary>The container holds no stream of the kind asked for (an audio file given as video, a silent video given as audio).</summary>
    MissingStream,

    /// <summary>Decoding did not finish within the configured time.</summary>
    Timeout,
}
