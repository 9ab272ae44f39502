using System.Collections.Concurrent;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Baize.Vectors.Qdrant;

/// <summary>
/// Baize's vector store on a Qdrant server, through its REST API: one Qdrant collection per Baize collection (a single
/// unnamed vector, UUID point ids), and Qdrant's own aliases.
/// </summary>
public sealed class QdrantVectorStore : VectorStore
{
    /// <summary>The name of the HttpClient that <c>AddQdrantVectorStore</c> registers.</summary>
    public const string HttpClientName = "Baize.Vectors.Qdrant";

    private readonly QdrantRestClient _client;
    private readonly QdrantVectorStoreOptions _options;
    private readonly HttpClient? _ownedHttpClient;

    /// <summary>Which collections and aliases keep int8 codes (their searches re-score); learnt once, shared by handles.</summary>
    private readonly ConcurrentDictionary<string, bool> _quantized = new(StringComparer.Ordinal);

    /// <summary>A store with its own HttpClient, which retries transient failures as <paramref name="options"/> say.</summary>
    public QdrantVectorStore(QdrantVectorStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>();
        QdrantResilience.Configure(pipeline, options);
#pragma warning disable CA2000 // The HttpClient owns the handler chain and is disposed with the store.
        var handler = new ResilienceHandler(pipeline.Build())
        {
            InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) },
        };
#pragma warning restore CA2000
        _ownedHttpClient = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client = new QdrantRestClient(() => _ownedHttpClient, options);
        _options = options;
    }

    /// <summary>A store on an HttpClient the caller owns (and configures: retries, timeouts); its base address is not used.</summary>
    public QdrantVectorStore(HttpClient httpClient, QdrantVectorStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _client = new QdrantRestClient(() => httpClient, options);
        _options = options;
    }

    /// <summary>A store that takes a fresh client from the factory for every request (as DI registers it).</summary>
    internal QdrantVectorStore(IHttpClientFactory httpClientFactory, QdrantVectorStoreOptions options)
    {
        options.Validate();
        _client = new QdrantRestClient(() => httpClientFactory.CreateClient(HttpClientName), options);
        _options = options;
    }

    public override VectorCollection GetCollection(string name) => new QdrantCollection(_client, _options, _quantized, QdrantNames.Check(name, "collection"));

    public override async Task<IReadOnlyList<string>> ListCollectionNamesAsync(CancellationToken cancellationToken = default)
    {
        var names = await _client.ListCollectionsAsync(cancellationToken);
        return [.. names.Order(StringComparer.Ordinal)];
    }

    /// <remarks>
    /// Checks that the collection exists first, then sends delete_alias and create_alias in one request. Qdrant
    /// applies the actions one by one under its alias lock, so readers never see a half-switched alias; but it does
    /// not roll back, so if the create failed after the delete (the collection deleted in between) the alias would be
    /// gone. The check makes that window as small as it can be.
    /// </remarks>
    public override async Task SwitchAliasAsync(string aliasName, string collectionName, CancellationToken cancellationToken = default)
    {
        QdrantNames.Check(aliasName, "alias");
        QdrantNames.Check(collectionName, "collection");
        if (await _client.GetCollectionAsync(collectionName, cancellationToken) is null)
        {
            throw new VectorStoreException(
                VectorStoreErrorKind.NotFound, $"Cannot point alias '{aliasName}' at collection '{collectionName}': the collection does not exist.");
        }

        // Qdrant answers 409 when the alias is the name of a collection, and 404 when collectionName names an alias.
        try
        {
            await _client.SwitchAliasAsync(aliasName, collectionName, cancellationToken);
        }
        finally
        {
            _quantized.TryRemove(aliasName, out _);
        }
    }

    public override async Task<string?> GetAliasTargetAsync(string aliasName, CancellationToken cancellationToken = default)
    {
        QdrantNames.Check(aliasName, "alias");
        var aliases = await _client.ListAliasesAsync(cancellationToken);
        return aliases.FirstOrDefault(alias => string.Equals(alias.AliasName, aliasName, StringComparison.Ordinal))?.CollectionName;
    }

    public override Task DeleteAliasAsync(string aliasName, CancellationToken cancellationToken = default)
    {
        QdrantNames.Check(aliasName, "alias");
        _quantized.TryRemove(aliasName, out _);
        return _client.DeleteAliasAsync(aliasName, cancellationToken);
    }

    public override ValueTask DisposeAsync()
    {
        _ownedHttpClient?.Dispose();
        return base.DisposeAsync();
    }
}
