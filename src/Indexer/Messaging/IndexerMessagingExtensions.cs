using Baize.Indexer.Consumers;
using Baize.Indexer.Messaging;
using MassTransit;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

public static class IndexerMessagingExtensions
{
    /// <summary>
    /// The bus: MassTransit over the in-memory transport when everything runs in one process, over RabbitMQ when the
    /// roles are separate processes. Only a process that runs the indexer registers its consumers; any process can
    /// send work to the queues.
    /// </summary>
    public static IServiceCollection AddIndexerMessaging(this IServiceCollection services, IConfiguration configuration, bool runIndexer)
    {
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        services.AddMassTransit(bus =>
        {
            // MassTransit 8.5 reports usage to its vendor by default; a self-hosted search backend sends nothing out.
            bus.DisableUsageTelemetry();
            if (runIndexer)
            {
                bus.AddConsumer<IndexItemConsumer, IndexItemConsumerDefinition>();
                bus.AddConsumer<IndexItemFaultConsumer>();
                bus.AddConsumer<ReindexConsumer, ReindexConsumerDefinition>();
            }

            switch (options.Transport)
            {
                case MessagingTransport.InMemory:
                    bus.UsingInMemory((context, transport) => transport.ConfigureEndpoints(context));
                    break;
                case MessagingTransport.RabbitMq:
                    bus.UsingRabbitMq((context, transport) =>
                    {
                        transport.Host(options.RabbitMqHost, options.RabbitMqPort, options.RabbitMqVirtualHost, host =>
                        {
                            host.Username(options.RabbitMqUser);
                            host.Password(options.RabbitMqPassword);
                        });
                        transport.ConfigureEndpoints(context);
                    });
                    break;
                default:
                    throw new InvalidOperationException($"Unknown messaging transport {options.Transport}.");
            }
        });
        return services;
    }
}
