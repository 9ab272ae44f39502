using Baize.Embedding.Media;
using Baize.Indexer;
using Baize.Indexer.Batching;
using Baize.Indexer.Collections;
using Baize.Indexer.Hosting;
using Baize.Indexer.Ingestion;
using Baize.Indexer.Items;
using Baize.Indexer.Originals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class IndexingServiceExtensions
{
    /// <summary>
    /// Catalogue, originals, vector store, embedding batcher, ingestion and (when <paramref name="runIndexer"/>) the
    /// indexer's consumers and start-up work. Needs an <c>EncoderRegistry</c> and an <c>IMeterFactory</c> registered by the host.
    /// </summary>
    public static IServiceCollection AddIndexing(this IServiceCollection services, IConfiguration configuration, bool runIndexer)
    {
        services.AddOptions<IndexerOptions>().BindConfiguration(IndexerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddVectorStore(configuration);
        services.AddSingleton(provider => new ItemCatalog(Indexer(provider).CatalogPath));
        services.AddSingleton(provider => new OriginalStore(Indexer(provider).OriginalsFolder));
        services.AddSingleton(provider => new MediaInspector(MediaDecodeOptions.Default, Indexer(provider).MaxTextCharacters));
        services.AddSingleton(provider => new EmbeddingBatcher(onBatch: provider.GetRequiredService<IndexingMetrics>().RecordEmbedding));
        services.AddSingleton<IndexingMetrics>();
        services.AddSingleton<ModalityCollections>();
        services.AddSingleton<ItemIndexer>();
        services.AddSingleton<ItemRemover>();
        services.AddSingleton<IngestionService>();
        services.AddIndexerMessaging(configuration, runIndexer);
        if (runIndexer)
        {
            services.AddHostedService<PendingWorkResumer>();
        }

        return services;
    }

    private static IndexerOptions Indexer(IServiceProvider provider) => provider.GetRequiredService<IOptions<IndexerOptions>>().Value;
}
