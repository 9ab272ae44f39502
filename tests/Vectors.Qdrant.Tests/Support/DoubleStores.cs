using Microsoft.Extensions.DependencyInjection;

namespace Baize.Vectors.Qdrant.Tests.Support;

/// <summary>Stores wired to a <see cref="QdrantRestDouble"/>.</summary>
internal static class DoubleStores
{
    public static readonly Uri Url = new("http://qdrant.test:6333");

    /// <summary>A store on a plain HttpClient over the double: no retries, so every request is seen once.</summary>
    public static QdrantVectorStore Plain(QdrantRestDouble server, Action<QdrantVectorStoreOptions>? configure = null)
    {
        var options = new QdrantVectorStoreOptions { Url = Url };
        configure?.Invoke(options);
#pragma warning disable CA2000 // The test double outlives the client; nothing needs disposing.
        return new QdrantVectorStore(new HttpClient(server, disposeHandler: false), options);
#pragma warning restore CA2000
    }

    /// <summary>The store as <c>AddQdrantVectorStore</c> registers it (resilience handler included), over the double,
    /// with retry delays short enough for tests.</summary>
    public static ServiceProvider Registered(QdrantRestDouble server, Action<QdrantVectorStoreOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddQdrantVectorStore(options =>
        {
            options.Url = Url;
            options.RetryDelay = TimeSpan.FromMilliseconds(1);
            configure?.Invoke(options);
        });
        services.AddHttpClient(QdrantVectorStore.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => server);
        return services.BuildServiceProvider();
    }
}
