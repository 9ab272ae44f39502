using Baize.Api.Inputs;
using Baize.Api.Results;
using Baize.BenchSupport;
using Baize.Embedding;
using Baize.Embedding.Manifests;
using Baize.Embedding.Runtime;
using Baize.Indexer.Collections;
using Baize.Indexer.Items;
using Baize.Vectors;

namespace Baize.Api.Population;

/// <summary>
/// Fills the image collection of the running app with N points directly through its <see cref="ModalityCollections"/>
/// (the collection of the active image encoder behind the items-image alias, created as the indexer creates it), with
/// the payload fields the indexer writes. Ingesting N real files instead would take hours; the search path cannot tell
/// the difference, because it reads only the store.
/// </summary>
public sealed class PointPopulator
{
    public const int BatchSize = 1000;
    private const int EmbedBatchSize = 32;

    private static readonly string[] Shards = ["spring", "summer", "autumn", "winter"];

    private readonly IServiceProvider _services;
    private readonly ApiArguments _arguments;
    private readonly TextWriter _log;

    public PointPopulator(IServiceProvider services, ApiArguments arguments, TextWriter log)
    {
        _services = services;
        _arguments = arguments;
        _log = log;
    }

    public async Task<PopulationResult> RunAsync(CancellationToken cancellationToken)
    {
        var collections = _services.GetRequiredService<ModalityCollections>();
        using var lease = _services.GetRequiredService<EncoderRegistry>().Lease(Modality.Image);
        var encoder = lease.Encoder;
        var collection = await collections.WritableAsync(Modality.Image, encoder.Version, encoder.Dimension, cancellationToken);

        var images = _arguments.RealImages > 0 ? CorpusReader.Images(_arguments.Corpus, Math.Min(_arguments.RealImages, _arguments.Items)) : [];
        if (_arguments.RealImages > 0 && images.Count == 0)
        {
            _log.WriteLine($"No corpus images under {Path.GetFullPath(_arguments.Corpus)}: the points get random unit vectors instead of real embeddings.");
        }

        var embedStart = Clock.Now();
        var bases = new List<float[]>(images.Count);
        foreach (var chunk in images.Chunk(EmbedBatchSize))
        {
            bases.AddRange(await encoder.EmbedImagesAsync([.. chunk.Select(image => image.Path)], cancellationToken));
        }

        var embedSeconds = Clock.MillisecondsSince(embedStart) / 1000;
        if (images.Count > 0)
        {
            _log.WriteLine($"Embedded {images.Count} corpus images with {encoder.Model.Manifest.Id}@{encoder.Version} in {embedSeconds:0.0} s.");
        }

        var random = new Random(_arguments.Seed);
        var vectors = new VectorMaker(bases, encoder.Dimension, _arguments.Noise, random);
        var modality = ManifestJson.ModalityName(Modality.Image);
        var upsertStart = Clock.Now();
        for (var first = 0; first < _arguments.Items; first += BatchSize)
        {
            var count = Math.Min(BatchSize, _arguments.Items - first);
            var records = new List<VectorRecord>(count);
            for (var i = first; i < first + count; i++)
            {
                var itemId = RandomGuid(random);
                var title = bases.Count > 0 ? images[i % images.Count].Caption : $"generated item {i}";
                var payload = new Dictionary<string, object>(StringComparer.Ordinal)
                {
                    [PointFields.ItemId] = itemId.ToString("D"),
                    [PointFields.Kind] = modality,
                    [PointFields.Modality] = modality,
                    [PointFields.Segment] = 0L,
                    [PointFields.Encoder] = encoder.Version,
                    ["title"] = title,
                    ["tags"] = new[] { "fashion", Shards[i % Shards.Length], i < bases.Count ? "original" : "variant" },
                    ["source"] = "bench-api",
                };
                records.Add(new VectorRecord(ContentIdentity.PointId(itemId, modality, 0), vectors.Next(i), payload));
            }

            await collection.UpsertAsync(records, cancellationToken);
            if ((first / BatchSize) % 20 == 19)
            {
                _log.WriteLine($"  {first + count:N0} of {_arguments.Items:N0} points upserted");
            }
        }

        var upsertSeconds = Clock.MillisecondsSince(upsertStart) / 1000;
        _log.WriteLine($"Upserted {_arguments.Items:N0} points into {collection.Name} in {upsertSeconds:0.0} s.");

        // The store loads a collection into memory on its first read: time that once, so the runs start warm.
        var coldStart = Clock.Now();
        await collections.Serving(Modality.Image).SearchAsync(vectors.Next(0), _arguments.TopK, null, cancellationToken);
        var coldMs = Clock.MillisecondsSince(coldStart);
        _log.WriteLine($"First search (loads the collection into memory): {coldMs:0.0} ms.");

        return new PopulationResult(
            ModalityCollections.CollectionName(Modality.Image, encoder.Version),
            _arguments.Items,
            bases.Count > 0 ? "corpus image embeddings, then perturbations of them" : "random unit Gaussian vectors",
            bases.Count,
            bases.Count > 0 ? _arguments.Noise : 0,
            BatchSize,
            Rounding.Seconds(embedSeconds),
            Rounding.Seconds(upsertSeconds),
            Rounding.Rate(_arguments.Items / upsertSeconds),
            Rounding.Milliseconds(coldMs));
    }

    private static Guid RandomGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
