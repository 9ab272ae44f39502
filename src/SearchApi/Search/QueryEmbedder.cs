using Baize.Embedding;
using Baize.Embedding.Manifests;
using Baize.Embedding.Media;
using Baize.Embedding.Runtime;
using Baize.Indexer.Batching;
using Baize.Indexer.Ingestion;
using Baize.Indexer.Items;

namespace Baize.SearchApi.Search;

/// <summary>Embeds a query, text or an uploaded file, with the active encoder of its modality (through the batcher, so
/// concurrent queries share batches).</summary>
public sealed class QueryEmbedder(EncoderRegistry encoders, EmbeddingBatcher batcher, MediaInspector inspector)
{
    public async Task<EmbeddedQuery> EmbedTextAsync(string text, CancellationToken cancellationToken)
    {
        using var lease = Lease(Modality.Text);
        var vector = await batcher.EmbedAsync(lease.Encoder, lease.Encoder.TextPreprocessor.Tokenize(text), cancellationToken);
        return new EmbeddedQuery(vector, lease.Version, ManifestJson.ModalityName(Modality.Text));
    }

    /// <summary>Embeds an uploaded query file: an image, the first audio window, or frames over a video.</summary>
    /// <exception cref="IngestionException">The file is empty, unsupported or damaged.</exception>
    public async Task<EmbeddedQuery> EmbedFileAsync(string path, string? contentType, CancellationToken cancellationToken)
    {
        var media = await inspector.InspectAsync(path, contentType, cancellationToken);
        if (media.Kind == ItemKind.Text)
        {
            return await EmbedTextAsync(await StrictUtf8.ReadFileAsync(path, cancellationToken), cancellationToken);
        }

        var modality = media.Kind switch
        {
            ItemKind.Image => Modality.Image,
            ItemKind.Audio => Modality.Audio,
            _ => Modality.Video,
        };
        using var lease = Lease(modality);
        var encoder = lease.Encoder;
        float[] input;
        try
        {
            input = modality switch
            {
                Modality.Image => await encoder.ImagePreprocessor.PreprocessAsync(path, cancellationToken),
                Modality.Audio => await encoder.AudioPreprocessor.PreprocessAsync(path, cancellationToken),
                _ => await encoder.VideoPreprocessor.PreprocessAsync(path, cancellationToken),
            };
        }
        catch (MediaDecodeException exception)
        {
            // Damage the probe did not see shows when decoding: still the caller's file, so still a 4xx.
            throw MediaInspector.Refusal(exception);
        }
        var vector = await batcher.EmbedAsync(encoder, input, cancellationToken);
        return new EmbeddedQuery(vector, lease.Version, ManifestJson.ModalityName(modality));
    }

    private EncoderLease Lease(Modality modality) =>
        encoders.TryLease(modality, out var lease)
            ? lease
            : throw new EncoderUnavailableException($"No {ManifestJson.ModalityName(modality)} encoder is active, so {ManifestJson.ModalityName(modality)} queries cannot be embedded.");
}
