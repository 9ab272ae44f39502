using System.Collections.Concurrent;
using System.Globalization;
using Baize.Vectors.Filters;

namespace Baize.Vectors.Qdrant;

/// <summary>
/// A Qdrant collection (or alias): one unnamed vector per point, UUID ids, the payload as Qdrant JSON. Writes wait
/// for Qdrant to apply them (<c>wait=true</c>), so they are durable and searchable when the call returns.
/// </summary>
public sealed class QdrantCollection : VectorCollection
{
    /// <summary>Ids per retrieve or delete request: 10,000 UUIDs are about 400 kB of JSON.</summary>
    private const int MaxIdsPerRequest = 10_000;

    /// <summary>The JSON around the points of an upsert body: <c>{"points":[]}</c>.</summary>
    private const int UpsertEnvelopeBytes = 16;

    private readonly QdrantRestClient _client;
    private readonly QdrantVectorStoreOptions _options;
    private readonly ConcurrentDictionary<string, bool> _quantized;

    /// <param name="quantized">The store's memory of which collections (and aliases) keep int8 codes, shared by every
    /// handle so that a search costs one request.</param>
    internal QdrantCollection(QdrantRestClient client, QdrantVectorStoreOptions options, ConcurrentDictionary<string, bool> quantized, string name)
    {
        _client = client;
        _options = options;
        _quantized = quantized;
        Name = name;
    }

    public override string Name { get; }

    public override async Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default) =>
        await _client.GetCollectionAsync(Name, cancellationToken) is not null;

    /// <remarks>
    /// Reads the collection first; creates it when missing (a 409 from a concurrent creator means "exists": then it is
    /// read and checked); creates the payload indexes the definition names that the collection lacks. An existing
    /// collection must have the same dimension and distance; its quantization is left as it is.
    /// </remarks>
    public override async Task EnsureCollectionExistsAsync(VectorCollectionDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Dimension < 1)
        {
            throw Invalid($"A collection's dimension must be at least 1; '{Name}' was asked with {definition.Dimension}.");
        }

        if (!Enum.IsDefined(definition.Distance) || !Enum.IsDefined(definition.Quantization))
        {
            throw Invalid($"Unknown distance {definition.Distance} or quantization {definition.Quantization}.");
        }

        var indexes = definition.IndexedFields ?? [];
        foreach (var index in indexes)
        {
            QdrantFilterTranslator.FieldPath(index.Field);
        }

        var info = await _client.GetCollectionAsync(Name, cancellationToken);
        IReadOnlySet<string> indexed;
        bool quantized;
        if (info is null && await _client.CreateCollectionAsync(Name, definition, cancellationToken))
        {
            indexed = new HashSet<string>();
            quantized = definition.Quantization != VectorQuantization.None;
        }
        else
        {
            info ??= await _client.GetCollectionAsync(Name, cancellationToken) ?? throw new VectorStoreException(
                VectorStoreErrorKind.Unavailable,
                $"Qdrant reported collection '{Name}' as already existing, then as missing; it is being created or deleted concurrently.");
            Check(info, definition);
            indexed = info.IndexedFields;
            quantized = info.Quantized;
        }

        foreach (var index in indexes.Where(index => !indexed.Contains(QdrantFilterTranslator.FieldPath(index.Field))))
        {
            await _client.CreatePayloadIndexAsync(Name, index, cancellationToken);
        }

        _quantized[Name] = quantized;
    }

    public override async Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default)
    {
        _quantized.TryRemove(Name, out _);
        await _client.DeleteCollectionAsync(Name, cancellationToken);
    }

    /// <remarks>
    /// Every record is checked and serialized before anything is sent; then the points go in requests of at most
    /// <see cref="QdrantVectorStoreOptions.UpsertBatchSize"/> points and <see cref="QdrantVectorStoreOptions.MaxRequestBytes"/>
    /// bytes, under Qdrant's request size limit. Qdrant has no transactions, so a failure part way leaves the earlier
    /// requests applied; upserting the same records again is safe.
    /// </remarks>
    public override async Task UpsertAsync(IReadOnlyList<VectorRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        var points = new byte[records.Count][];
        var dimension = -1;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i] ?? throw Invalid($"Record {i} of the upsert into '{Name}' is null.");
            if (record.Vector.IsEmpty)
            {
                throw Invalid($"Record {record.Id} has an empty vector.");
            }

            if (dimension < 0)
            {
                dimension = record.Vector.Length;
            }
            else if (record.Vector.Length != dimension)
            {
                throw Invalid($"The vectors of one upsert must have the same length: record {record.Id} has {record.Vector.Length}, the first record {dimension}.");
            }

            points[i] = QdrantPointMapper.SerializePoint(record);
        }

        var batch = new List<byte[]>();
        var bytes = UpsertEnvelopeBytes;
        foreach (var point in points)
        {
            if (batch.Count > 0 && (batch.Count == _options.UpsertBatchSize || bytes + point.Length + 1 > _options.MaxRequestBytes))
            {
                await _client.UpsertPointsAsync(Name, batch, cancellationToken);
                batch = [];
                bytes = UpsertEnvelopeBytes;
            }

            batch.Add(point);
            bytes += point.Length + 1;
        }

        await _client.UpsertPointsAsync(Name, batch, cancellationToken);
    }

    public override async Task DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var chunk in ids.Chunk(MaxIdsPerRequest))
        {
            await _client.DeletePointsAsync(Name, chunk, cancellationToken);
        }
    }

    public override Task DeleteAsync(VectorFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return _client.DeletePointsAsync(Name, filter, cancellationToken);
    }

    public override async Task<IReadOnlyList<VectorRecord>> GetAsync(
        IReadOnlyList<Guid> ids, bool includeVectors = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var records = new List<VectorRecord>(ids.Count);
        foreach (var chunk in ids.Distinct().Chunk(MaxIdsPerRequest))
        {
            records.AddRange(await _client.RetrievePointsAsync(Name, chunk, includeVectors, cancellationToken));
        }

        return records;
    }

    public override Task<ScrollPage> ScrollAsync(
        VectorFilter? filter, int limit, Guid? offset = null, bool includeVectors = false, CancellationToken cancellationToken = default)
    {
        if (limit < 1)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"A scroll page holds at least 1 record; the limit asked was {limit}."));
        }

        return _client.ScrollPointsAsync(Name, filter, limit, offset, includeVectors, cancellationToken);
    }

    public override Task<long> CountAsync(VectorFilter? filter = null, CancellationToken cancellationToken = default) =>
        _client.CountPointsAsync(Name, filter, cancellationToken);

    /// <remarks>On a collection with int8 quantization, Qdrant scans the codes for twice the candidates asked and
    /// re-scores them with the float32 vectors.</remarks>
    public override async Task<IReadOnlyList<VectorSearchResult>> SearchAsync(
        ReadOnlyMemory<float> vector, int top, VectorSearchOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new VectorSearchOptions();
        if (top < 1)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"A search returns at least 1 result; top was {top}."));
        }

        if (options.Skip < 0)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"A search cannot skip a negative number of results ({options.Skip})."));
        }

        if (vector.IsEmpty)
        {
            throw Invalid("The query vector is empty.");
        }

        var quantized = await IsQuantizedAsync(cancellationToken);
        return await _client.QueryPointsAsync(Name, vector, top, options, quantized, cancellationToken);
    }

    private async Task<bool> IsQuantizedAsync(CancellationToken cancellationToken)
    {
        if (_quantized.TryGetValue(Name, out var quantized))
        {
            return quantized;
        }

        var info = await _client.GetCollectionAsync(Name, cancellationToken) ?? throw new VectorStoreException(
            VectorStoreErrorKind.NotFound, $"Collection '{Name}' does not exist.");
        _quantized[Name] = info.Quantized;
        return info.Quantized;
    }

    private void Check(QdrantCollectionInfo info, VectorCollectionDefinition definition)
    {
        if (info.Dimension is not { } dimension)
        {
            throw new VectorStoreException(
                VectorStoreErrorKind.Conflict, $"Collection '{Name}' exists with named vectors; Baize collections hold one unnamed vector.");
        }

        if (info.BaizeDistance is not { } distance)
        {
            throw new VectorStoreException(
                VectorStoreErrorKind.Conflict, $"Collection '{Name}' exists with distance {info.Distance}, which Baize does not support (Cosine or Dot).");
        }

        if (dimension != definition.Dimension || distance != definition.Distance)
        {
            throw new VectorStoreException(
                VectorStoreErrorKind.Conflict,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Collection '{Name}' exists with dimension {dimension} and distance {distance}; it was asked with dimension {definition.Dimension} and distance {definition.Distance}."));
        }
    }

    private static VectorStoreException Invalid(string message) => new(VectorStoreErrorKind.InvalidRequest, message);
}
