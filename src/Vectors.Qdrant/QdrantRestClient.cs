using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Baize.Vectors.Filters;
using Polly.Timeout;

namespace Baize.Vectors.Qdrant;

/// <summary>
/// Every REST call the adapter makes, and nothing else: request paths, query strings, headers and bodies go out here,
/// and Qdrant's envelope (<c>{"result": ..., "status": "ok"}</c>, or an error) comes back here. Failures leave as
/// <see cref="VectorStoreException"/>s. Retries and timeouts belong to the HttpClient's resilience handler.
/// </summary>
internal sealed class QdrantRestClient
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly Func<HttpClient> _httpClient;
    private readonly string? _apiKey;

    /// <param name="httpClient">Gives the HttpClient for each request (a factory's client, or one shared instance).</param>
    public QdrantRestClient(Func<HttpClient> httpClient, QdrantVectorStoreOptions options)
    {
        _httpClient = httpClient;
        _apiKey = string.IsNullOrEmpty(options.ApiKey) ? null : options.ApiKey;
        var url = options.Url.ToString();
        BaseUrl = new Uri(url.EndsWith('/') ? url : url + "/");
    }

    /// <summary>The server, always ending in '/' so that relative paths append to any path prefix.</summary>
    public Uri BaseUrl { get; }

    // ---- Collections ----

    /// <summary><c>GET /collections/{name}</c> (also resolves an alias); null when there is no such collection.</summary>
    public Task<QdrantCollectionInfo?> GetCollectionAsync(string name, CancellationToken cancellationToken) =>
        SendAllowingAsync(HttpMethod.Get, Collection(name), body: null, QdrantCollectionInfo.Read, HttpStatusCode.NotFound, cancellationToken);

    /// <summary><c>PUT /collections/{name}</c>; false when Qdrant answers 409 because it already exists.</summary>
    public async Task<bool> CreateCollectionAsync(string name, VectorCollectionDefinition definition, CancellationToken cancellationToken)
    {
        var body = Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("vectors");
            writer.WriteNumber("size", definition.Dimension);
            writer.WriteString("distance", definition.Distance switch
            {
                DistanceFunction.Cosine => "Cosine",
                DistanceFunction.DotProduct => "Dot",
                _ => throw new VectorStoreException(VectorStoreErrorKind.InvalidRequest, $"The Qdrant store does not support the distance function {definition.Distance}."),
            });
            writer.WriteEndObject();
            switch (definition.Quantization)
            {
                case VectorQuantization.None:
                    break;
                case VectorQuantization.Int8:
                    writer.WriteStartObject("quantization_config");
                    writer.WriteStartObject("scalar");
                    writer.WriteString("type", "int8");
                    writer.WriteNumber("quantile", 0.99);
                    writer.WriteBoolean("always_ram", true);
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                    break;
                default:
                    throw new VectorStoreException(VectorStoreErrorKind.InvalidRequest, $"The Qdrant store does not support the quantization {definition.Quantization}.");
            }

            writer.WriteEndObject();
        });
        return await SendAllowingAsync(HttpMethod.Put, Collection(name), body, static _ => true, HttpStatusCode.Conflict, cancellationToken);
    }

    /// <summary><c>DELETE /collections/{name}</c>; a missing collection is not an error.</summary>
    public Task DeleteCollectionAsync(string name, CancellationToken cancellationToken) =>
        SendAllowingAsync(HttpMethod.Delete, Collection(name), body: null, static _ => true, HttpStatusCode.NotFound, cancellationToken);

    /// <summary><c>GET /collections</c>: the collection names (not aliases).</summary>
    public Task<IReadOnlyList<string>> ListCollectionsAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<string>>(
            HttpMethod.Get,
            "collections",
            body: null,
            result => [.. result.GetProperty("collections").EnumerateArray().Select(collection => collection.GetProperty("name").GetString()!)],
            cancellationToken);

    /// <summary><c>PUT /collections/{name}/index?wait=true</c> with the field's schema.</summary>
    public Task CreatePayloadIndexAsync(string name, PayloadIndex index, CancellationToken cancellationToken)
    {
        var body = Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("field_name", QdrantFilterTranslator.FieldPath(index.Field));
            writer.WriteString("field_schema", index.Kind switch
            {
                PayloadFieldKind.Keyword => "keyword",
                PayloadFieldKind.Integer => "integer",
                PayloadFieldKind.Float => "float",
                PayloadFieldKind.Bool => "bool",
                _ => throw new VectorStoreException(VectorStoreErrorKind.InvalidRequest, $"The Qdrant store does not support payload indexes of kind {index.Kind}."),
            });
            writer.WriteEndObject();
        });
        return SendAsync(HttpMethod.Put, Collection(name) + "/index?wait=true", body, static _ => true, cancellationToken);
    }

    // ---- Points ----

    /// <summary><c>PUT /collections/{name}/points?wait=true</c> with points already serialized by <see cref="QdrantPointMapper"/>.
    /// <c>wait=true</c> answers once the points are applied and searchable (and the WAL flushed).</summary>
    public Task UpsertPointsAsync(string name, IReadOnlyList<byte[]> points, CancellationToken cancellationToken)
    {
        var body = Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("points");
            foreach (var point in points)
            {
                writer.WriteRawValue(point, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
        return SendAsync(HttpMethod.Put, Collection(name) + "/points?wait=true", body, static _ => true, cancellationToken);
    }

    /// <summary><c>POST /collections/{name}/points/delete?wait=true</c> with <c>{"points":[ids]}</c>.</summary>
    public Task DeletePointsAsync(string name, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var body = Json(writer =>
        {
            writer.WriteStartObject();
            WriteIds(writer, "points", ids);
            writer.WriteEndObject();
        });
        return SendAsync(HttpMethod.Post, Collection(name) + "/points/delete?wait=true", body, static _ => true, cancellationToken);
    }

    /// <summary><c>POST /collections/{name}/points/delete?wait=true</c> with <c>{"filter":{...}}</c>.</summary>
    public Task DeletePointsAsync(string name, VectorFilter filter, CancellationToken cancellationToken)
    {
        var body = Json(writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("filter");
            QdrantFilterTranslator.Write(writer, filter);
            writer.WriteEndObject();
        });
        return SendAsync(HttpMethod.Post, Collection(name) + "/points/delete?wait=true", body, static _ => true, cancellationToken);
    }

    /// <summary><c>POST /collections/{name}/points</c>: the points with these ids that exist.</summary>
    public Task<IReadOnlyList<VectorRecord>> RetrievePointsAsync(string name, IReadOnlyList<Guid> ids, bool withVector, CancellationToken cancellationToken)
    {
        var body = Json(writer =>
        {
            writer.WriteStartObject();
            WriteIds(writer, "ids", ids);
            writer.WriteBoolean("with_payload", true);
            writer.WriteBoolean("with_vector", withVector);
            writer.WriteEndObject();
        });
        return SendAsync<IReadOnlyList<VectorRecord>>(
            HttpMethod.Post,
            Collection(name) + "/points",
            body,
            result => [.. result.EnumerateArray().Select(QdrantPointMapper.ReadRecord)],
            cancellationToken);
    }

    /// <summary><c>POST /collections/{name}/points/scroll</c>: one page in id order, and the id the next page starts at.</summary>
    public Task<ScrollPage> ScrollPointsAsync(
        string name, VectorFilter? filter, int limit, Guid? offset, bool withVector, CancellationToken cancellationToken)
    {
        var body = Json(writer =>
        {
            writer.WriteStartObject();
            WriteFilter(writer, filter);
            writer.WriteNumber("limit", limit);
            if (offset is { } start)
            {
                writer.WriteString("offset", start);
            }

            writer.WriteBoolean("with_payload", true);
            writer.WriteBoolean("with_vector", withVector);
            writer.WriteEndObject();
        });
        return SendAsync(
            HttpMethod.Post,
            Collection(name) + "/points/scroll",
            body,
            result =>
            {
                var records = result.GetProperty("points").EnumerateArray().Select(QdrantPointMapper.ReadRecord).ToArray();
                Guid? next = result.TryGetProperty("next_page_offset", out var nextOffset) && nextOffset.ValueKind != JsonValueKind.Null
                    ? QdrantPointMapper.ReadId(nextOffset)
                    : null;
                return new ScrollPage(records, next);
            },
            cancellationToken);
    }

    /// <summary><c>POST /collections/{name}/points/count</c> with <c>exact: true</c>.</summary>
    public Task<long> CountPointsAsync(string name, VectorFilter? filter, CancellationToken cancellationToken)
    {
        var body = Json(writer =>
        {
            writer.WriteStartObject();
            WriteFilter(writer, filter);
            writer.WriteBoolean("exact", true);
            writer.WriteEndObject();
        });
        return SendAsync(HttpMethod.Post, Collection(name) + "/points/count", body, result => result.GetProperty("count").GetInt64(), cancellationToken);
    }

    /// <summary><c>POST /collections/{name}/points/query</c>: nearest neighbours of the vector, best first.</summary>
    /// <param name="quantized">The collection keeps int8 codes: re-score the candidates in float32, from twice as many.</param>
    public Task<IReadOnlyList<VectorSearchResult>> QueryPointsAsync(
        string name, ReadOnlyMemory<float> vector, int limit, VectorSearchOptions options, bool quantized, CancellationToken cancellationToken)
    {
        var body = Json(writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("query");
            QdrantPointMapper.WriteVector(writer, vector.Span);
            WriteFilter(writer, options.Filter);
            writer.WriteNumber("limit", limit);
            writer.WriteNumber("offset", options.Skip);
            if (options.ScoreThreshold is { } threshold)
            {
                writer.WriteNumber("score_threshold", threshold);
            }

            writer.WriteBoolean("with_payload", true);
            writer.WriteBoolean("with_vector", options.IncludeVectors);
            if (quantized)
            {
                writer.WriteStartObject("params");
                writer.WriteStartObject("quantization");
                writer.WriteBoolean("rescore", true);
                writer.WriteNumber("oversampling", 2.0);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        });
        return SendAsync<IReadOnlyList<VectorSearchResult>>(
            HttpMethod.Post,
            Collection(name) + "/points/query",
            body,
            result => [.. result.GetProperty("points").EnumerateArray().Select(QdrantPointMapper.ReadScoredPoint)],
            cancellationToken);
    }

    // ---- Aliases ----

    /// <summary><c>POST /collections/aliases</c> with delete_alias then create_alias in one request: Qdrant applies the
    /// actions under one lock, so readers never see the alias missing or half-switched.</summary>
    public Task SwitchAliasAsync(string aliasName, string collectionName, CancellationToken cancellationToken)
    {
        var body = Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("actions");
            WriteDeleteAlias(writer, aliasName);
            writer.WriteStartObject();
            writer.WriteStartObject("create_alias");
            writer.WriteString("collection_name", collectionName);
            writer.WriteString("alias_name", aliasName);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
        return SendAsync(HttpMethod.Post, "collections/aliases", body, static _ => true, cancellationToken);
    }

    /// <summary><c>POST /collections/aliases</c> with one delete_alias (a no-op for an unknown alias).</summary>
    public Task DeleteAliasAsync(string aliasName, CancellationToken cancellationToken)
    {
        var body = Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("actions");
            WriteDeleteAlias(writer, aliasName);
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
        return SendAsync(HttpMethod.Post, "collections/aliases", body, static _ => true, cancellationToken);
    }

    /// <summary><c>GET /aliases</c>: every alias and the collection it names.</summary>
    public Task<IReadOnlyList<QdrantAlias>> ListAliasesAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<QdrantAlias>>(
            HttpMethod.Get,
            "aliases",
            body: null,
            result => [.. result.GetProperty("aliases").EnumerateArray().Select(alias => new QdrantAlias(
                alias.GetProperty("alias_name").GetString()!, alias.GetProperty("collection_name").GetString()!))],
            cancellationToken);

    // ---- Plumbing ----

    private static string Collection(string name) => "collections/" + QdrantNames.Escape(name);

    private static void WriteIds(Utf8JsonWriter writer, string property, IReadOnlyList<Guid> ids)
    {
        writer.WriteStartArray(property);
        foreach (var id in ids)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
    }

    private static void WriteFilter(Utf8JsonWriter writer, VectorFilter? filter)
    {
        if (!QdrantFilterTranslator.IsEmpty(filter))
        {
            writer.WritePropertyName("filter");
            QdrantFilterTranslator.Write(writer, filter!);
        }
    }

    private static void WriteDeleteAlias(Utf8JsonWriter writer, string aliasName)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("delete_alias");
        writer.WriteString("alias_name", aliasName);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Sends one request and reads the <c>result</c> of Qdrant's answer.</summary>
    private async Task<T> SendAsync<T>(HttpMethod method, string path, byte[]? body, Func<JsonElement, T> read, CancellationToken cancellationToken) =>
        (await SendAllowingAsync(method, path, body, read, allowed: null, cancellationToken))!;

    /// <summary>Sends one request and reads the <c>result</c> of Qdrant's answer.</summary>
    /// <param name="allowed">A failure status the caller handles itself: it yields <c>default</c> instead of an exception.</param>
    private async Task<T?> SendAllowingAsync<T>(
        HttpMethod method, string path, byte[]? body, Func<JsonElement, T> read, HttpStatusCode? allowed, CancellationToken cancellationToken)
    {
        var operation = $"{method} /{Uri.UnescapeDataString(path.Split('?')[0])}";
        using var request = new HttpRequestMessage(method, new Uri(BaseUrl, path));
        if (_apiKey is not null)
        {
            request.Headers.TryAddWithoutValidation("api-key", _apiKey);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = JsonContentType;
        }

        try
        {
            using var response = await _httpClient().SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.StatusCode == allowed)
            {
                return default;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw QdrantErrorMapper.FromResponse(response.StatusCode, response.ReasonPhrase, Encoding.UTF8.GetString(content), operation);
            }

            using var json = JsonDocument.Parse(content);
            return read(json.RootElement.GetProperty("result"));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException or TaskCanceledException
            or IOException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw QdrantErrorMapper.FromException(exception, operation, BaseUrl);
        }
    }
}
