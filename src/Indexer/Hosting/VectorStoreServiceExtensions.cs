using Baize.Indexer;
using Baize.Indexer.Hosting;
using Baize.Vectors;
using Baize.Vectors.Embedded;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class VectorStoreServiceExtensions
{
    /// <summary>The configured <see cref="VectorStore"/>: the embedded store under the data folder, or Qdrant.</summary>
    public static IServiceCollection AddVectorStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VectorStoreOptions>().BindConfiguration(VectorStoreOptions.Section);
        var options = configuration.GetSection(VectorStoreOptions.Section).Get<VectorStoreOptions>() ?? new VectorStoreOptions();
        switch (options.Provider)
        {
            case VectorStoreProvider.Embedded:
                services.AddSingleton<VectorStore>(provider => new EmbeddedVectorStore(new EmbeddedVectorStoreOptions
                {
                    DatabasePath = provider.GetRequiredService<IOptions<IndexerOptions>>().Value.VectorsPath,
                }));
                break;
            case VectorStoreProvider.Qdrant:
                services.AddQdrantVectorStore(qdrant =>
                {
                    qdrant.Url = options.QdrantUrl ?? throw new InvalidOperationException($"{VectorStoreOptions.Section}:QdrantUrl is required when the provider is Qdrant.");
                    qdrant.ApiKey = options.QdrantApiKey;
                });
                break;
            default:
                throw new InvalidOperationException($"Unknown vector store provider {options.Provider}.");
        }

        return services;
    }
}
