namespace Baize.Embedding.Runtime;

/// <summary>
/// Reference count around an encoder: the registry holds one reference while the encoder is active and each
/// lease holds one more. The encoder is disposed when the count reaches zero, and a count of zero is final,
/// so a late lease can never revive a disposed encoder.
/// </summary>
internal sealed class EncoderHandle
{
    private int _references = 1;

    public EncoderHandle(OnnxEncoder encoder)
    {
        Encoder = encoder;
    }

    public OnnxEncoder Encoder { get; }

    /// <summary>Adds a reference unless the encoder is already released for good.</summary>
    public bool TryAcquire()
    {
        var current = Volatile.Read(ref _references);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref _references, current + 1, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }

    public void Release()
    {
        var remaining = Interlocked.Decrement(ref _references);
        if (remaining == 0)
        {
            Encoder.Dispose();
        }
        else if (remaining < 0)
        {
            throw new InvalidOperationException("An encoder reference was released twice.");
        }
    }
}
