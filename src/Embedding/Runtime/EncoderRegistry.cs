using System.Diagnostics.CodeAnalysis;
using Baize.Embedding.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Baize.Embedding.Runtime;

/// <summary>
/// The active encoder per modality, swappable while requests are in flight. Callers <see cref="Lease"/> the current
/// encoder for the duration of a request; <see cref="Activate(ModelFolder)"/> replaces it atomically, and the replaced
/// encoder's session is disposed when its last lease ends. Lock-free and thread-safe.
/// </summary>
public sealed class EncoderRegistry : IDisposable
{
    private readonly EncoderHandle?[] _active = new EncoderHandle?[Enum.GetValues<Modality>().Length];
    private readonly EncoderOptions _options;
    private readonly ILogger _logger;
    private int _disposed;

    public EncoderRegistry(EncoderOptions? options = null, ILogger<EncoderRegistry>? logger = null)
    {
        _options = options ?? EncoderOptions.Default;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Loads the active version of every modality that has one in <paramref name="directory"/>.</summary>
    /// <returns>The folders activated. All are validated before any is activated, so a bad folder changes nothing.</returns>
    public IReadOnlyList<ModelFolder> ActivateAll(ModelDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var folders = Enum.GetValues<Modality>().Select(directory.LoadActive).OfType<ModelFolder>().ToList();
        foreach (var folder in folders)
        {
            Activate(folder);
        }

        return folders;
    }

    /// <summary>Creates an encoder for a validated folder and makes it the active one for its modality.</summary>
    public OnnxEncoder Activate(ModelFolder model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var encoder = OnnxEncoder.Create(model, _options, _logger);
        Activate(encoder);
        return encoder;
    }

    /// <summary>Makes <paramref name="encoder"/> the active one for its modality; the registry takes ownership of it.</summary>
    public void Activate(OnnxEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ObjectDisposedException.ThrowIf(encoder.IsDisposed, encoder);
        var handle = new EncoderHandle(encoder);
        var previous = Interlocked.Exchange(ref _active[(int)encoder.Modality], handle);
        EncoderLog.Activated(_logger, encoder.Modality, encoder.Version, previous?.Encoder.Version ?? "none");
        previous?.Release();
        if (Volatile.Read(ref _disposed) != 0)
        {
            // Raced with Dispose: do not leave the new encoder behind.
            Interlocked.CompareExchange(ref _active[(int)encoder.Modality], null, handle)?.Release();
        }
    }

    /// <summary>Leases the active encoder of a modality.</summary>
    /// <exception cref="InvalidOperationException">No encoder is active for the modality.</exception>
    public EncoderLease Lease(Modality modality) =>
        TryLease(modality, out var lease) ? lease : throw new InvalidOperationException($"No {modality} encoder is active.");

    public bool TryLease(Modality modality, [NotNullWhen(true)] out EncoderLease? lease)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        while (Volatile.Read(ref _active[(int)modality]) is { } handle)
        {
            if (handle.TryAcquire())
            {
                lease = new EncoderLease(handle);
                return true;
            }

            // The handle was swapped out and released between the read and the acquire; read the new one.
        }

        lease = null;
        return false;
    }

    /// <summary>The active version of a modality, or null.</summary>
    public string? ActiveVersion(Modality modality) => Volatile.Read(ref _active[(int)modality])?.Encoder.Version;

    /// <summary>Releases the registry's references; encoders still leased are disposed when their leases end.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        for (var i = 0; i < _active.Length; i++)
        {
            Interlocked.Exchange(ref _active[i], null)?.Release();
        }
    }
}
