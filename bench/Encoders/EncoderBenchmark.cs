using Baize.BenchSupport;
using Baize.Embedding;
using Baize.Embedding.Manifests;
using Baize.Embedding.Models;
using Baize.Embedding.Runtime;
using Baize.Encoders.Measurement;
using Baize.Encoders.Results;
using Baize.Encoders.Workloads;

namespace Baize.Encoders;

/// <summary>
/// Measures one encoder: preprocessing cost on real items, then batch throughput and single-item latency of
/// <see cref="OnnxEncoder.Embed(IReadOnlyList{float[]})"/> on the inputs that preprocessing produced. Phases run one
/// after another, never overlapping, so each has the intra-op threads to itself.
/// </summary>
public sealed class EncoderBenchmark
{
    private readonly BenchmarkSettings _settings;
    private readonly CorpusSplit _split;
    private readonly TextWriter _log;

    public EncoderBenchmark(BenchmarkSettings settings, CorpusSplit split, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.IntraOpThreads, 1);
        _settings = settings;
        _split = split;
        _log = log;
    }

    public async Task<EncoderResult> RunAsync(ModelFolder model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var options = new EncoderOptions { IntraOpThreads = _settings.IntraOpThreads, MaxBatchSize = _settings.BatchSize };
        using var encoder = OnnxEncoder.Create(model, options);
        var items = _settings.PreprocessItems;
        return model.Modality switch
        {
            Modality.Text => await MeasureAsync(encoder, WorkloadFactory.Text(encoder, _split, items), cancellationToken),
            Modality.Image => await MeasureAsync(encoder, WorkloadFactory.Image(encoder, _split, items), cancellationToken),
            Modality.Audio => await MeasureAsync(encoder, WorkloadFactory.Audio(encoder, _split, items), cancellationToken),
            Modality.Video => await MeasureAsync(encoder, WorkloadFactory.Video(encoder, _split, items), cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(model), model.Modality, "Unknown modality."),
        };
    }

    private async Task<EncoderResult> MeasureAsync<TInput>(OnnxEncoder encoder, Workload<TInput> workload, CancellationToken cancellationToken)
    {
        var model = encoder.Model;
        var name = $"{model.Manifest.Id}@{model.Version}";
        _log.WriteLine($"{name}: preprocessing {workload.Sources.Count} items ({workload.Work})");
        var preprocessing = await PreprocessingTimer.MeasureAsync(workload, BenchmarkBudgets.Preprocessing, cancellationToken);
        var inputs = preprocessing.Inputs;

        // A tiny split may hold fewer items than a batch; repeating them keeps the batch shape, and the report says how many were distinct.
        var batch = Enumerable.Range(0, _settings.BatchSize).Select(i => inputs[i % inputs.Count]).ToList();
        _log.WriteLine($"{name}: throughput at batch {_settings.BatchSize}");
        cancellationToken.ThrowIfCancellationRequested();
        var batchTimes = RepeatedTimer.Measure(() => workload.Embed(batch), BenchmarkBudgets.Throughput);

        // Batch 1 cycles through every preprocessed item, so the latency is not that of one lucky input.
        IReadOnlyList<TInput>[] singles = [.. inputs.Select(input => (IReadOnlyList<TInput>)[input])];
        var next = 0;
        _log.WriteLine($"{name}: latency at batch 1");
        cancellationToken.ThrowIfCancellationRequested();
        var singleTimes = RepeatedTimer.Measure(() => workload.Embed(singles[next++ % singles.Length]), BenchmarkBudgets.Latency);

        var throughput = Throughput(batchTimes, Math.Min(inputs.Count, _settings.BatchSize));
        var latency = Latency(singleTimes);
        var preprocess = Preprocess(workload.Work, preprocessing, inputs.Count);
        return new EncoderResult(
            ManifestJson.ModalityName(model.Modality),
            name,
            model.Path,
            model.Manifest.Dimension,
            model.Manifest.Parameters,
            model.Manifest.Macs,
            new FileInfo(model.ModelPath).Length,
            throughput.MedianItemsPerS,
            latency.P50Ms,
            latency.P99Ms,
            preprocess.MedianMs,
            throughput,
            latency,
            preprocess);
    }

    private ThroughputResult Throughput(double[] batchMs, int distinctItems)
    {
        var rates = new Distribution(batchMs.Select(ms => _settings.BatchSize * 1000.0 / ms));
        return new ThroughputResult(
            BenchmarkBudgets.Throughput.WarmupRuns,
            rates.Count,
            distinctItems,
            Rounding.Rate(rates.Median),
            Rounding.Rate(rates.Min),
            Rounding.Rate(rates.Percentile(25)),
            Rounding.Rate(rates.Percentile(75)),
            Rounding.Rate(rates.Max),
            Rounding.Milliseconds(new Distribution(batchMs).Median));
    }

    private static LatencyResult Latency(double[] singleMs)
    {
        var times = new Distribution(singleMs);
        return new LatencyResult(
            BenchmarkBudgets.Latency.WarmupRuns,
            times.Count,
            Rounding.Milliseconds(times.Median),
            Rounding.Milliseconds(times.Percentile(90)),
            Rounding.Milliseconds(times.Percentile(99)),
            Rounding.Milliseconds(times.Mean),
            Rounding.Milliseconds(times.Min),
            Rounding.Milliseconds(times.Max));
    }

    private static PreprocessResult Preprocess<TInput>(string work, PreprocessingMeasurement<TInput> measurement, int items)
    {
        var times = new Distribution(measurement.TimesMs);
        return new PreprocessResult(
            work,
            measurement.WarmupItems,
            items,
            measurement.Passes,
            Rounding.Milliseconds(times.Median),
            Rounding.Milliseconds(times.Percentile(90)),
            Rounding.Milliseconds(times.Min),
            Rounding.Milliseconds(times.Max));
    }
}
