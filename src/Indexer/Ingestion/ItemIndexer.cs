using System.Globalization;
using Baize.Embedding;
using Baize.Embedding.Manifests;
using Baize.Embedding.Media;
using Baize.Embedding.Runtime;
using Baize.Indexer.Batching;
using Baize.Indexer.Collections;
using Baize.Indexer.Items;
using Baize.Indexer.Originals;
using Baize.Indexer.Segments;
using Baize.Vectors;
using Microsoft.Extensions.Options;

namespace Baize.Indexer.Ingestion;

/// <summary>
/// Turns one stored item into points: decodes it, cuts long audio and video into overlapping windows, embeds every
/// segment with the active encoder of its modality and upserts the points. Point ids come from (item, modality,
/// segment), so indexing an item again replaces its points instead of adding more, and stale segments are removed.
/// </summary>
public sealed class ItemIndexer(
    EncoderRegistry encoders,
    EmbeddingBatcher batcher,
    ModalityCollections collections,
    OriginalStore originals,
    IOptions<IndexerOptions> options)
{
    /// <summary>The modalities an item of this kind is indexed under.</summary>
    public static IReadOnlyList<Modality> ModalitiesOf(ItemKind kind, bool hasSoundTrack = true) => kind switch
    {
        ItemKind.Text => [Modality.Text],
        ItemKind.Image => [Modality.Image],
        ItemKind.Audio => [Modality.Audio],
        ItemKind.Video => hasSoundTrack ? [Modality.Video, Modality.Audio] : [Modality.Video],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Indexes the item under all its modalities, or only under <paramref name="only"/>.</summary>
    /// <exception cref="MediaDecodeException">The stored original cannot be decoded (a permanent failure).</exception>
    /// <exception cref="SegmentLimitException">The media is too long.</exception>
    public async Task<IReadOnlyDictionary<string, ModalityIndex>> IndexAsync(ItemRecord item, Modality? only, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var path = originals.PathOf(item.Sha256);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The original of item {item.Id} is missing from the media store.", path);
        }

        var index = new Dictionary<string, ModalityIndex>(StringComparer.Ordinal);
        var probe = new ProbeResult();
        foreach (var modality in ModalitiesOf(item.Kind))
        {
            if (only is { } wanted && wanted != modality)
            {
                continue;
            }

            using var lease = encoders.Lease(modality);
            var segments = await EmbedAsync(item, modality, lease.Encoder, path, probe, cancellationToken);
            if (segments is null)
            {
                continue;
            }

            await WriteAsync(item, modality, lease.Encoder, segments, cancellationToken);
            index[ManifestJson.ModalityName(modality)] = new ModalityIndex(lease.Version, segments.Count);
        }

        return index;
    }

    /// <summary>The embedded segments, or null when the item has nothing of this modality (a silent video's sound).</summary>
    private async Task<IReadOnlyList<EmbeddedSegment>?> EmbedAsync(
        ItemRecord item, Modality modality, OnnxEncoder encoder, string path, ProbeResult probe, CancellationToken cancellationToken)
    {
        switch (modality)
        {
            case Modality.Text:
                var text = await ReadTextAsync(path, cancellationToken);
                return [new EmbeddedSegment(await batcher.EmbedAsync(encoder, encoder.TextPreprocessor.Tokenize(text), cancellationToken), null)];

            case Modality.Image:
                var pixels = await encoder.ImagePreprocessor.PreprocessAsync(path, cancellationToken);
                return [new EmbeddedSegment(await batcher.EmbedAsync(encoder, pixels, cancellationToken), null)];

            case Modality.Audio:
                return await EmbedAudioAsync(encoder, path, probe.Info, cancellationToken);

            case Modality.Video:
                return await EmbedVideoAsync(encoder, path, probe, cancellationToken);

            default:
                throw new ArgumentOutOfRangeException(nameof(modality), modality, null);
        }
    }

    /// <param name="info">The probe of a video item (its sound track is the audio); null for an audio item.</param>
    private async Task<IReadOnlyList<EmbeddedSegment>?> EmbedAudioAsync(OnnxEncoder encoder, string path, MediaInfo? info, CancellationToken cancellationToken)
    {
        if (info is { Audio: null })
        {
            return null;
        }

        // One decode of the whole recording; every window's spectrogram is cut from it.
        var preprocessor = encoder.AudioPreprocessor;
        var audio = await preprocessor.DecodeAsync(path, info, cancellationToken: cancellationToken);
        var windows = Plan(audio.Duration, options.Value.AudioWindowSeconds, options.Value.AudioOverlapSeconds);
        var embeddings = windows
            .Select(window => batcher.EmbedAsync(encoder, preprocessor.ComputeLogMel(audio, window), cancellationToken))
            .ToList();
        var vectors = await Task.WhenAll(embeddings);
        return windows.Select((window, index) => new EmbeddedSegment(vectors[index], window)).ToList();
    }

    private async Task<IReadOnlyList<EmbeddedSegment>> EmbedVideoAsync(OnnxEncoder encoder, string path, ProbeResult probe, CancellationToken cancellationToken)
    {
        var preprocessor = encoder.VideoPreprocessor;
        var info = probe.Info = await preprocessor.ProbeAsync(path, cancellationToken);
        var duration = info.Video?.Duration ?? info.Duration
            ?? throw new MediaDecodeException(MediaDecodeReason.Corrupt, "The video does not declare its duration.");
        var windows = Plan(duration, options.Value.VideoWindowSeconds, options.Value.VideoOverlapSeconds);
        var segments = new List<EmbeddedSegment>(windows.Count);
        foreach (var window in windows)
        {
            var frames = await preprocessor.PreprocessAsync(path, info, window, cancellationToken);
            segments.Add(new EmbeddedSegment(await batcher.EmbedAsync(encoder, frames, cancellationToken), window));
        }

        return segments;
    }

    private IReadOnlyList<TimeWindow> Plan(TimeSpan duration, double windowSeconds, double overlapSeconds)
    {
        if (duration <= TimeSpan.Zero)
        {
            throw new MediaDecodeException(MediaDecodeReason.Corrupt, "The media has no duration.");
        }

        return SegmentPlanner.Plan(duration, TimeSpan.FromSeconds(windowSeconds), TimeSpan.FromSeconds(overlapSeconds), options.Value.MaxSegmentsPerItem);
    }

    private async Task<string> ReadTextAsync(string path, CancellationToken cancellationToken)
    {
        var text = await StrictUtf8.ReadFileAsync(path, cancellationToken);
        return text.Length > options.Value.MaxTextCharacters ? text[..options.Value.MaxTextCharacters] : text;
    }

    private async Task WriteAsync(ItemRecord item, Modality modality, OnnxEncoder encoder, IReadOnlyList<EmbeddedSegment> segments, CancellationToken cancellationToken)
    {
        var modalityName = ManifestJson.ModalityName(modality);
        var collection = await collections.WritableAsync(modality, encoder.Version, encoder.Dimension, cancellationToken);
        var records = segments.Select((segment, index) => new VectorRecord(
            ContentIdentity.PointId(item.Id, modalityName, index),
            segment.Vector,
            PointPayload(item, modalityName, index, segment.Window, encoder.Version))).ToList();
        await collection.UpsertAsync(records, cancellationToken);

        // Re-indexing with other window settings can leave fewer segments than before: drop the rest, by their ids
        // (a delete by filter would scan the whole collection for every item).
        var before = item.Index.TryGetValue(modalityName, out var previous) ? previous.Points : 0;
        if (before > records.Count)
        {
            var stale = Enumerable.Range(records.Count, before - records.Count).Select(segment => ContentIdentity.PointId(item.Id, modalityName, segment)).ToList();
            await collection.DeleteAsync(stale, cancellationToken);
        }
    }

    private static Dictionary<string, object> PointPayload(ItemRecord item, string modality, int segment, TimeWindow? window, string encoder)
    {
        var payload = new Dictionary<string, object>(item.Metadata, StringComparer.Ordinal)
        {
            [PointFields.ItemId] = item.Id.ToString("D"),
            [PointFields.Kind] = item.Kind.ToString().ToLower(CultureInfo.InvariantCulture),
            [PointFields.Modality] = modality,
            [PointFields.Segment] = (long)segment,
            [PointFields.Encoder] = encoder,
        };
        if (window is { } span)
        {
            payload[PointFields.Start] = Math.Round(span.Start.TotalSeconds, 3);
            payload[PointFields.End] = Math.Round(span.End.TotalSeconds, 3);
        }

        return payload;
    }

    private sealed record EmbeddedSegment(float[] Vector, TimeWindow? Window);

    /// <summary>A video's ffprobe report, shared by its video windows and its sound track.</summary>
    private sealed class ProbeResult
    {
        public MediaInfo? Info { get; set; }
    }
}
