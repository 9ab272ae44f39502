using Baize.Vectors;
using Baize.Vectors.Qdrant;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class QdrantServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="QdrantVectorStore"/> as the <see cref="VectorStore"/> singleton, with a named HttpClient
    /// (<see cref="QdrantVectorStore.HttpClientName"/>) whose resilience handler retries transient failures (408, 429,
    /// 5xx, connection failures, timed-out attempts) with exponential backoff and jitter, and never other 4xx answers.
    /// Options may also be bound from configuration: <c>services.AddOptions&lt;QdrantVectorStoreOptions&gt;().BindConfiguration("Qdrant")</c>.
    /// </summary>
    public static IServiceCollection AddQdrantVectorStore(this IServiceCollection services, Action<QdrantVectorStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<QdrantVectorStoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QdrantVectorStoreOptions>, QdrantVectorStoreOptionsValidator>());

        services.AddHttpClient(QdrantVectorStore.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(QdrantResilience.PipelineName, static (pipeline, context) =>
                QdrantResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<QdrantVectorStoreOptions>>().Value));

        services.TryAddSingleton(static provider => new QdrantVectorStore(
            provider.GetRequiredService<IHttpClientFactory>(), provider.GetRequiredService<IOptions<QdrantVectorStoreOptions>>().Value));
        services.TryAddSingleton<VectorStore>(static provider => provider.GetRequiredService<QdrantVectorStore>());
        return services;
    }
}
