using Baize.BenchSupport;
using Baize.Embedding;
using Baize.Embedding.Manifests;
using Baize.Embedding.Media;
using Baize.Embedding.Runtime;
using Baize.Indexer;
using Baize.Indexer.Items;
using Baize.Ingestion.Inputs;
using Baize.Ingestion.Measurement;
using Baize.Ingestion.Results;
using Microsoft.Extensions.Options;

namespace Baize.Ingestion;

/// <summary>
/// A whole run: gather the items, start the app on loopback, then per modality, one after another: raw encoder,
/// ingestion through the API, raw encoder again.
/// </summary>
public sealed class IngestionBenchmark
{
    public const double GoalRatio = 0.7;

    /// <summary>Generated warm-up items are numbered from here, far from the numbers of generated measured items.</summary>
    private const int WarmupFirstIndex = 1_000_000;

    private readonly IngestionArguments _arguments;
    private readonly TextWriter _log;

    public IngestionBenchmark(IngestionArguments arguments, TextWriter log)
    {
        _arguments = arguments;
        _log = log;
    }

    public async Task<IngestionReport> RunAsync(CancellationToken cancellationToken)
    {
        var loadAtStart = MachineProbe.LoadAverage();
        MachineProbe.WarnWhenBusy(loadAtStart, _log);

        var ffmpeg = MediaDecodeOptions.Default.FfmpegPath;
        using var generated = new GeneratedInputs(ffmpeg);
        var inputs = new List<(ModalityInputs Measured, ModalityInputs Warmup)>();
        foreach (var modality in _arguments.Modalities)
        {
            var found = _arguments.Generate ? null : CorpusInputs.Load(_arguments.Corpus, modality, _arguments.Items);
            found ??= await generated.CreateAsync(modality, _arguments.Items, 0, cancellationToken);
            _log.WriteLine($"{Name(modality)}: {found.Items.Count} items ({found.Source})");
            inputs.Add((found, await generated.CreateAsync(modality, _arguments.Warmup, WarmupFirstIndex, cancellationToken)));
        }

        var settings = new Dictionary<string, string?>();
        if (_arguments.IndexerConcurrency is { } concurrency)
        {
            settings[$"{IndexerOptions.Section}:{nameof(IndexerOptions.ConcurrentMessages)}"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        using var batches = new BatchSizeListener();
        await using var app = await InProcessApp.StartAsync("ingestion", _arguments.ModelsTree, settings, cancellationToken);
        _log.WriteLine($"App listening on {app.Address} (data in {app.DataFolder}).");
        var registry = app.Services.GetRequiredService<EncoderRegistry>();
        using var runner = new PipelineRunner(app.Address, app.Services.GetRequiredService<ItemCatalog>(), _arguments.UploadConcurrency);
        var results = new List<ModalityResult>();
        foreach (var (input, warmup) in inputs)
        {
            if (warmup.Items.Count > 0)
            {
                // The first requests of each path pay for JIT compilation and first-use set-up (collections, ffmpeg's page cache).
                _log.WriteLine($"{Name(input.Modality)}: {warmup.Items.Count} generated warm-up items through the pipeline (untimed)");
                await runner.RunAsync(warmup.Items, _arguments.UploadConcurrency, _arguments.Timeout, cancellationToken);
            }

            results.Add(await MeasureAsync(registry, runner, batches, input, cancellationToken));
        }

        var indexer = app.Services.GetRequiredService<IOptions<IndexerOptions>>().Value;
        var reportSettings = new IngestionSettings(
            _arguments.Items,
            _arguments.Warmup,
            _arguments.UploadConcurrency,
            FilesPerRequest: 1,
            RawEncoderTimer.BatchSize,
            indexer.ConcurrentMessages,
            Path.GetFullPath(_arguments.ModelsTree),
            "MassTransit in-memory bus",
            "embedded (SQLite + in-memory scan), catalogue SQLite, media store on local disk",
            PipelineRunner.PollIntervalMs);
        return new IngestionReport(
            IngestionReport.CurrentSchemaVersion,
            "ingestion",
            DateTimeOffset.UtcNow,
            await MachineInfo.ProbeAsync(loadAtStart, ffmpeg, cancellationToken),
            reportSettings,
            new GoalInfo(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ingestion ≥ {GoalRatio * 100:0}% of the raw encoder throughput"), GoalRatio),
            results);
    }

    private async Task<ModalityResult> MeasureAsync(
        EncoderRegistry registry, PipelineRunner runner, BatchSizeListener batches, ModalityInputs input, CancellationToken cancellationToken)
    {
        var name = Name(input.Modality);
        if (!registry.TryLease(input.Modality, out var lease))
        {
            throw new InvalidOperationException($"The models tree has no active {name} encoder.");
        }

        using (lease)
        {
            var items = input.Items;
            var encoder = $"{lease.Encoder.Model.Manifest.Id}@{lease.Version}";
            _log.WriteLine($"{name}: raw encoder ({encoder}), {items.Count} items in batches of {RawEncoderTimer.BatchSize}");
            var rawBefore = await RawEncoderTimer.MeasureAsync(lease.Encoder, items, cancellationToken);
            _log.WriteLine($"  {items.Count / rawBefore:0.0} items/s");

            _log.WriteLine($"{name}: ingestion through POST /v1/items, {_arguments.UploadConcurrency} uploads at a time");
            var (batchesBefore, batchedBefore) = batches.Snapshot(input.Modality);
            Heap.Settle();
            var outcome = await runner.RunAsync(items, _arguments.UploadConcurrency, _arguments.Timeout, cancellationToken);
            var (batchesAfter, batchedAfter) = batches.Snapshot(input.Modality);
            var ingestionRate = outcome.Indexed / outcome.Seconds;
            _log.WriteLine($"  {ingestionRate:0.0} items/s ({outcome.Indexed} indexed, {outcome.Failed} failed, uploads done after {outcome.UploadSeconds:0.0} s, all indexed after {outcome.Seconds:0.0} s)");
            if (outcome.FirstError is not null)
            {
                _log.WriteLine($"  first error: {outcome.FirstError}");
            }

            _log.WriteLine($"{name}: raw encoder again");
            var rawAfter = await RawEncoderTimer.MeasureAsync(lease.Encoder, items, cancellationToken);
            _log.WriteLine($"  {items.Count / rawAfter:0.0} items/s");

            var rawRate = ((items.Count / rawBefore) + (items.Count / rawAfter)) / 2;
            var batchCount = batchesAfter - batchesBefore;
            var raw = new RawResult(
                RawEncoderTimer.BatchSize,
                Rounding.Rate(rawRate),
                Rounding.Rate(items.Count / rawBefore),
                Rounding.Rate(items.Count / rawAfter),
                Rounding.Seconds(rawBefore),
                Rounding.Seconds(rawAfter));
            var pipeline = new PipelineResult(
                Rounding.Seconds(outcome.Seconds),
                Rounding.Rate(ingestionRate),
                Rounding.Seconds(outcome.UploadSeconds),
                Rounding.Seconds(outcome.DetectedSeconds),
                outcome.Indexed,
                outcome.Failed,
                outcome.Points,
                batchCount,
                batchCount > 0 ? Math.Round((batchedAfter - batchedBefore) / (double)batchCount, 2) : 0,
                outcome.FirstError);
            var ratio = ingestionRate / rawRate;
            return new ModalityResult(name, items.Count, input.Source, encoder, raw, pipeline, Rounding.Ratio(ratio), ratio >= GoalRatio);
        }
    }

    private static string Name(Modality modality) => ManifestJson.ModalityName(modality);
}
