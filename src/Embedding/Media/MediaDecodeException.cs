namespace Baize.Embedding.Media;

/// <summary>
/// A media file was rejected. Callers map this to a client error (the input is at fault), unlike
/// <see cref="MediaToolMissingException"/>, which is a fault of the server.
/// </summary>
public sealed class MediaDecodeException : Exception
{
    public MediaDecodeException(MediaDecodeReason reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    public MediaDecodeReason Reason { get; }
}
