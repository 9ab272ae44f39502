using System.Collections.Concurrent;
using Baize.Embedding.Runtime;
using Baize.Indexer.Collections;
using Baize.Indexer.Hosting;
using Baize.Indexer.Ingestion;
using Baize.Indexer.Items;
using Baize.Indexer.Messaging;
using Baize.Indexer.Originals;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Baize.Indexer.Tests.Support;

/// <summary>
/// The indexer in-process as a real generic host: <c>AddIndexing(runIndexer: true)</c> on the in-memory bus, the
/// embedded store and catalogue under the data folder given, and the encoders of the registry given (owned
/// by the caller). Log lines are kept so a failing test can print them.
/// </summary>
internal sealed class IndexerHost : IAsyncDisposable
{
    private readonly IHost _host;

    private IndexerHost(IHost host, LogLines logs)
    {
        _host = host;
        Logs = logs;
    }

    public IServiceProvider Services => _host.Services;

    public LogLines Logs { get; }

    public ItemCatalog Catalog => Services.GetRequiredService<ItemCatalog>();

    public ModalityCollections Collections => Services.GetRequiredService<ModalityCollections>();

    public OriginalStore Originals => Services.GetRequiredService<OriginalStore>();

    public IBus Bus => Services.GetRequiredService<IBus>();

    public static async Task<IndexerHost> StartAsync(
        EncoderRegistry encoders, string dataFolder, CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var configuration = new Dictionary<string, string?>
        {
            ["Indexer:DataFolder"] = dataFolder,
            ["Messaging:Transport"] = "InMemory",
            ["Messaging:RetryIntervalMilliseconds"] = "20",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        var logs = new LogLines();
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        builder.Services.AddMetrics();
        builder.Services.AddSingleton(encoders);
        builder.Services.AddIndexing(builder.Configuration, runIndexer: true);
        var host = builder.Build();
        await host.StartAsync(cancellationToken);

        // The start-up resumer announces queued items again; it must be done before a test records items of its own,
        // or those could be announced twice.
        var resumer = host.Services.GetServices<IHostedService>().OfType<PendingWorkResumer>().Single();
        await (resumer.ExecuteTask ?? Task.CompletedTask).WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
        return new IndexerHost(host, logs);
    }

    /// <summary>Uploads bytes through the real ingestion path (stage, inspect, store, catalogue, send).</summary>
    public async Task<AcceptedItem> IngestAsync(
        byte[] content, string fileName, CancellationToken cancellationToken, IReadOnlyDictionary<string, object>? metadata = null, string? contentType = null)
    {
        var ingestion = Services.GetRequiredService<IngestionService>();
        using var stream = new MemoryStream(content);
        using var upload = await ingestion.PrepareAsync(stream, fileName, contentType, cancellationToken);
        return await ingestion.AcceptAsync(upload, metadata ?? new Dictionary<string, object>(), cancellationToken);
    }

    public Task SendAsync<T>(string queue, T message, CancellationToken cancellationToken)
        where T : class => SendCoreAsync(queue, message, cancellationToken);

    /// <summary>Polls the catalogue until the item satisfies <paramref name="done"/>; fails with its last state otherwise.</summary>
    public async Task<ItemRecord> WaitForItemAsync(Guid id, Func<ItemRecord, bool> done, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromMinutes(3);
        var waited = TimeSpan.Zero;
        var step = TimeSpan.FromMilliseconds(50);
        ItemRecord? item = null;
        while (waited < limit)
        {
            item = await Catalog.GetItemAsync(id, cancellationToken);
            if (item is not null && done(item))
            {
                return item;
            }

            await Task.Delay(step, cancellationToken);
            waited += step;
        }

        throw new TimeoutException($"Item {id} did not reach the expected state; last seen: {item?.Status} {item?.Error}.\n{Logs}");
    }

    public Task<ItemRecord> WaitUntilSettledAsync(Guid id, CancellationToken cancellationToken) =>
        WaitForItemAsync(id, item => item.Status is ItemStatus.Indexed or ItemStatus.Failed, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }

    private async Task SendCoreAsync<T>(string queue, T message, CancellationToken cancellationToken)
        where T : class
    {
        var endpoint = await Bus.GetSendEndpoint(IndexerQueues.Address(queue));
        await endpoint.Send(message, cancellationToken);
    }

    /// <summary>Log lines of the host, newest last.</summary>
    internal sealed class LogLines : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        public override string ToString() => string.Join('\n', _lines.TakeLast(200));

        private sealed class Logger(LogLines owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                owner._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.GetType().Name + ": " + exception.Message)}");
            }
        }
    }
}
