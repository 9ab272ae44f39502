using Baize.BenchSupport;
using Baize.Embedding.Media;
using Baize.Encoders.Results;

namespace Baize.Encoders;

/// <summary>A whole run: resolve the models, describe the machine, measure each encoder in turn.</summary>
public sealed class BenchmarkRun
{
    private readonly BenchmarkArguments _arguments;
    private readonly TextWriter _log;

    public BenchmarkRun(BenchmarkArguments arguments, TextWriter log)
    {
        _arguments = arguments;
        _log = log;
    }

    public async Task<BenchmarkReport> RunAsync(CancellationToken cancellationToken)
    {
        var models = ModelSelection.Resolve(_arguments, _log);
        var split = CorpusSplit.Load(_arguments.Corpus, _arguments.Split);

        // Read before any model runs, so the load average reflects other work on the machine rather than this benchmark.
        var machine = await MachineInfo.ProbeAsync(MediaDecodeOptions.Default.FfmpegPath, cancellationToken);
        MachineProbe.WarnWhenBusy(machine.LoadAverage1M, _log);

        var settings = new BenchmarkSettings(
            _arguments.IntraOpThreads,
            BatchSize: 32,
            Path.GetFullPath(_arguments.Corpus),
            _arguments.Split,
            _arguments.PreprocessItems);
        var benchmark = new EncoderBenchmark(settings, split, _log);
        var results = new List<EncoderResult>();
        foreach (var model in models)
        {
            results.Add(await benchmark.RunAsync(model, cancellationToken));
        }

        return new BenchmarkReport(BenchmarkReport.CurrentSchemaVersion, DateTimeOffset.UtcNow, machine, settings, results);
    }
}
