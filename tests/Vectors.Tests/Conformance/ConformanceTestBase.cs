namespace Baize.Vectors.Tests.Conformance;

/// <summary>
/// What every conformance test class shares: a store from <typeparamref name="TFactory"/>, collection and alias names
/// unique to the test (a real server is shared between runs and tests), and clean-up of everything the test made.
/// Depends only on the abstraction, because the same files compile into every backend's test project.
/// </summary>
public abstract class ConformanceTestBase<TFactory> : IAsyncLifetime
    where TFactory : IVectorStoreFactory, new()
{
    private readonly TFactory _factory = new();
    private readonly List<string> _collections = [];
    private readonly List<string> _aliases = [];
    private VectorStore? _store;

    protected VectorStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _store = await _factory.CreateStoreAsync();

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            foreach (var alias in _aliases)
            {
                await _store.DeleteAliasAsync(alias, CancellationToken.None);
            }

            foreach (var name in _collections)
            {
                await _store.GetCollection(name).EnsureCollectionDeletedAsync(CancellationToken.None);
            }

            await _store.DisposeAsync();
        }

        await _factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A collection name no other test (or run) uses; deleted after the test.</summary>
    protected string UniqueName(string purpose)
    {
        var name = $"conformance-{purpose}-{Guid.NewGuid():N}";
        _collections.Add(name);
        return name;
    }

    /// <summary>An alias name no other test uses; deleted after the test.</summary>
    protected string UniqueAlias(string purpose)
    {
        var name = $"conformance-alias-{purpose}-{Guid.NewGuid():N}";
        _aliases.Add(name);
        return name;
    }

    protected async Task<VectorCollection> CreateCollectionAsync(
        string purpose,
        int dimension = 4,
        DistanceFunction distance = DistanceFunction.Cosine,
        VectorQuantization quantization = VectorQuantization.None)
    {
        var collection = Store.GetCollection(UniqueName(purpose));
        await collection.EnsureCollectionExistsAsync(new VectorCollectionDefinition(dimension, distance, quantization), Token);
        return collection;
    }

    protected static VectorRecord Point(Guid id, float[] vector, params (string Key, object Value)[] payload) =>
        new(id, vector, payload.ToDictionary(p => p.Key, p => p.Value));

    /// <summary>A list-valued payload field.</summary>
    protected static object[] List(params object[] values) => values;

    protected static async Task<VectorStoreException> ThrowsStoreErrorAsync(VectorStoreErrorKind kind, Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<VectorStoreException>(action);
        Assert.Equal(kind, error.Kind);
        return error;
    }
}
