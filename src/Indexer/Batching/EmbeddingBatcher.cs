using System.Diagnostics;
using System.Threading.Channels;
using Baize.Embedding.Preprocessing.Text;
using Baize.Embedding.Runtime;

namespace Baize.Indexer.Batching;

/// <summary>
/// Gathers single embedding requests from concurrent callers (indexer consumers, search queries) into batches per
/// encoder, because ONNX Runtime embeds a batch of 32 far faster than 32 single items. A request waits for no timer:
/// whatever queued while the previous batch ran forms the next one, so a lone request runs at once.
/// Callers hold a lease on the encoder until their embedding returns, so it cannot be disposed mid-batch.
/// </summary>
public sealed class EmbeddingBatcher : IAsyncDisposable
{
    private readonly Channel<EmbeddingRequest> _requests = Channel.CreateUnbounded<EmbeddingRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly int _maxBatchSize;
    private readonly Action<EmbeddingBatch>? _onBatch;
    private readonly Task _loop;

    /// <param name="onBatch">Told about every batch run (for metrics).</param>
    public EmbeddingBatcher(int maxBatchSize = 32, Action<EmbeddingBatch>? onBatch = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        _maxBatchSize = maxBatchSize;
        _onBatch = onBatch;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Embeds preprocessed image, audio or video input.</summary>
    /// <exception cref="ArgumentException">The input is not the encoder's input length (it would fail its whole batch).</exception>
    public Task<float[]> EmbedAsync(OnnxEncoder encoder, float[] features, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(features);
        if (features.Length != encoder.InputLength)
        {
            throw new ArgumentException($"The {encoder.Modality} encoder takes {encoder.InputLength} values per item; this input has {features.Length}.", nameof(features));
        }

        return Enqueue(new EmbeddingRequest(encoder, features, null, cancellationToken));
    }

    /// <summary>Embeds tokenised text.</summary>
    public Task<float[]> EmbedAsync(OnnxEncoder encoder, TokenizedText text, CancellationToken cancellationToken = default) =>
        Enqueue(new EmbeddingRequest(encoder, null, text, cancellationToken));

    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        await _loop;
    }

    private Task<float[]> Enqueue(EmbeddingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request.Encoder);
        ObjectDisposedException.ThrowIf(!_requests.Writer.TryWrite(request), this);

        return request.Completion.Task;
    }

    private async Task RunAsync()
    {
        var pending = new List<EmbeddingRequest>();
        while (await _requests.Reader.WaitToReadAsync())
        {
            while (pending.Count < _maxBatchSize * 4 && _requests.Reader.TryRead(out var request))
            {
                if (request.CancellationToken.IsCancellationRequested)
                {
                    request.Completion.TrySetCanceled(request.CancellationToken);
                }
                else
                {
                    pending.Add(request);
                }
            }

            foreach (var group in pending.GroupBy(request => (request.Encoder, IsText: request.Text is not null)))
            {
                foreach (var batch in group.Chunk(_maxBatchSize))
                {
                    Run(batch);
                }
            }

            pending.Clear();
        }
    }

    private void Run(EmbeddingRequest[] batch)
    {
        var encoder = batch[0].Encoder;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var embeddings = batch[0].Text is null
                ? encoder.Embed(batch.Select(request => request.Features!).ToList())
                : encoder.Embed(batch.Select(request => request.Text!).ToList());
            _onBatch?.Invoke(new EmbeddingBatch(encoder.Modality, encoder.Version, batch.Length, Stopwatch.GetElapsedTime(started)));
            for (var index = 0; index < batch.Length; index++)
            {
                batch[index].Completion.TrySetResult(embeddings[index]);
            }
        }
#pragma warning disable CA1031 // The failure belongs to the callers: each of them gets it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            foreach (var request in batch)
            {
                request.Completion.TrySetException(exception);
            }
        }
    }
}
