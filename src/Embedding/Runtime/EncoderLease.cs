namespace Baize.Embedding.Runtime;

/// <summary>
/// The use of one encoder version for the length of a request: <c>using var lease = registry.Lease(Modality.Image);</c>.
/// The encoder stays alive, and the same version, until the lease is disposed, however often the registry swaps meanwhile.
/// </summary>
public sealed class EncoderLease : IDisposable
{
    private readonly OnnxEncoder _encoder;
    private EncoderHandle? _handle;

    internal EncoderLease(EncoderHandle handle)
    {
        _handle = handle;
        _encoder = handle.Encoder;
    }

    /// <summary>The leased encoder; do not keep it past the lease.</summary>
    public OnnxEncoder Encoder
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle is null, this);
            return _encoder;
        }
    }

    public Modality Modality => _encoder.Modality;

    public string Version => _encoder.Version;

    public void Dispose() => Interlocked.Exchange(ref _handle, null)?.Release();
}
