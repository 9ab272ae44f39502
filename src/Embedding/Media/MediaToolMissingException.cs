namespace Baize.Embedding.Media;

/// <summary>An external decoder (ffmpeg, ffprobe) is not installed or cannot be started.</summary>
public sealed class MediaToolMissingException : Exception
{
    public MediaToolMissingException(string tool, string aptPackage, Exception? innerException = null)
        : base($"'{tool}' was not found or could not be started. Install the Debian package '{aptPackage}' (apt-get install {aptPackage}) or set its path in {nameof(MediaDecodeOptions)}.", innerException)
    {
        Tool = tool;
        AptPackage = aptPackage;
    }

    public string Tool { get; }

    public string AptPackage { get; }
}
