using Baize.BenchSupport;
using Baize.Embedding;
using Baize.Embedding.Runtime;
using Baize.Ingestion.Inputs;

namespace Baize.Ingestion.Measurement;

/// <summary>
/// The raw encoder path on the benchmark's items: <see cref="OnnxEncoder.EmbedTexts"/> and the
/// <c>Embed*Async</c> helpers (which preprocess a batch's files in parallel from disk, then run ONNX Runtime once), in
/// batches of <see cref="BatchSize"/>, one batch after another. One batch is embedded untimed first.
/// </summary>
public static class RawEncoderTimer
{
    public const int BatchSize = 32;

    /// <returns>Seconds for one timed pass over all items.</returns>
    public static async Task<double> MeasureAsync(OnnxEncoder encoder, IReadOnlyList<InputItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(items);
        await EmbedAsync(encoder, [.. items.Take(BatchSize)], cancellationToken);
        Heap.Settle();
        var start = Clock.Now();
        foreach (var batch in items.Chunk(BatchSize))
        {
            await EmbedAsync(encoder, batch, cancellationToken);
        }

        return Clock.SecondsSince(start);
    }

    private static Task<float[][]> EmbedAsync(OnnxEncoder encoder, IReadOnlyList<InputItem> batch, CancellationToken cancellationToken) => encoder.Modality switch
    {
        Modality.Text => Task.FromResult(encoder.EmbedTexts([.. batch.Select(item => item.Text!)])),
        Modality.Image => encoder.EmbedImagesAsync(Paths(batch), cancellationToken),
        Modality.Audio => encoder.EmbedAudioAsync(Paths(batch), cancellationToken),
        _ => encoder.EmbedVideosAsync(Paths(batch), cancellationToken),
    };

    private static string[] Paths(IReadOnlyList<InputItem> batch) => [.. batch.Select(item => item.Path!)];
}
