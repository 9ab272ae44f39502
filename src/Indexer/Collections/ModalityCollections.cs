using System.Collections.Concurrent;
using System.Globalization;
using Baize.Embedding;
using Baize.Embedding.Manifests;
using Baize.Indexer.Items;
using Baize.Vectors;
using Baize.Vectors.Filters;
using Microsoft.Extensions.Options;

namespace Baize.Indexer.Collections;

/// <summary>
/// One collection per modality and encoder version (an embedding space), e.g. <c>items-image-teacher-1</c>, and one
/// alias per modality (<c>items-image</c>) naming the collection searches use. A new encoder version fills its own
/// collection (the shadow) while searches keep using the alias; switching the alias is atomic.
/// </summary>
public sealed class ModalityCollections(VectorStore store, IOptions<IndexerOptions> options)
{
    private const string Prefix = "items-";

    private static readonly PayloadIndex[] IndexedFields =
        [new(PointFields.ItemId, PayloadFieldKind.Keyword), new(PointFields.Modality, PayloadFieldKind.Keyword)];

    private readonly ConcurrentDictionary<string, Task> _ensured = new(StringComparer.Ordinal);

    public VectorStore Store => store;

    public static string AliasName(Modality modality) => Prefix + ManifestJson.ModalityName(modality);

    public static string CollectionName(Modality modality, string encoderVersion) =>
        string.Create(CultureInfo.InvariantCulture, $"{AliasName(modality)}-{encoderVersion.ToLowerInvariant()}");

    /// <summary>The collection for points embedded by this encoder version, created on first use; when the modality has
    /// no alias yet (a fresh store), the alias is pointed at it.</summary>
    public async Task<VectorCollection> WritableAsync(Modality modality, string encoderVersion, int dimension, CancellationToken cancellationToken)
    {
        var name = CollectionName(modality, encoderVersion);
        var ensure = _ensured.GetOrAdd(name, _ => EnsureAsync(modality, name, dimension));
        try
        {
            await ensure.WaitAsync(cancellationToken);
        }
        catch
        {
            // A failed creation is not remembered: the next item tries again.
            _ensured.TryRemove(KeyValuePair.Create(name, ensure));
            throw;
        }

        return store.GetCollection(name);
    }

    /// <summary>The collection the modality's alias names, or null before anything of that modality was indexed.</summary>
    public Task<string?> ServingCollectionAsync(Modality modality, CancellationToken cancellationToken) =>
        store.GetAliasTargetAsync(AliasName(modality), cancellationToken);

    /// <summary>The alias of the modality, for searching.</summary>
    public VectorCollection Serving(Modality modality) => store.GetCollection(AliasName(modality));

    /// <summary>Every collection of the modality (serving and shadow), for deletes that must reach them all.</summary>
    public async Task<IReadOnlyList<VectorCollection>> AllAsync(Modality modality, CancellationToken cancellationToken)
    {
        var prefix = AliasName(modality) + "-";
        var names = await store.ListCollectionNamesAsync(cancellationToken);
        return names.Where(name => name.StartsWith(prefix, StringComparison.Ordinal)).Select(store.GetCollection).ToList();
    }

    /// <summary>Points the modality's alias at the collection of this encoder version and drops the previous one.</summary>
    public async Task SwitchAsync(Modality modality, string encoderVersion, CancellationToken cancellationToken)
    {
        var previous = await ServingCollectionAsync(modality, cancellationToken);
        var name = CollectionName(modality, encoderVersion);
        await store.SwitchAliasAsync(AliasName(modality), name, cancellationToken);
        if (previous is not null && previous != name)
        {
            await store.GetCollection(previous).EnsureCollectionDeletedAsync(cancellationToken);
            _ensured.TryRemove(previous, out _);
        }
    }

    /// <summary>Removes every point of an item from every collection of the modality.</summary>
    public async Task DeleteItemAsync(Modality modality, Guid itemId, CancellationToken cancellationToken)
    {
        foreach (var collection in await AllAsync(modality, cancellationToken))
        {
            await collection.DeleteAsync(ItemFilter(itemId), cancellationToken);
        }
    }

    public static VectorFilter ItemFilter(Guid itemId) => VectorFilter.All(new MatchCondition(PointFields.ItemId, itemId.ToString("D")));

    private async Task EnsureAsync(Modality modality, string name, int dimension)
    {
        var definition = new VectorCollectionDefinition(dimension, DistanceFunction.Cosine, options.Value.Quantization, IndexedFields);
        await store.GetCollection(name).EnsureCollectionExistsAsync(definition);
        if (await store.GetAliasTargetAsync(AliasName(modality)) is null)
        {
            await store.SwitchAliasAsync(AliasName(modality), name);
        }
    }
}
