using Baize.Api.Inputs;
using Baize.Api.Load;
using Baize.Api.Population;
using Baize.Api.Results;
using Baize.BenchSupport;
using Baize.Embedding;
using Baize.Embedding.Runtime;

namespace Baize.Api;

/// <summary>
/// A whole run: start the app on loopback, fill the image collection, time the parts of a query in-process, then for
/// each concurrency send warm-up and timed requests over HTTP.
/// </summary>
public sealed class ApiBenchmark
{
    public const double GoalP99Ms = 25;
    public const int GoalItems = 100_000;

    private readonly ApiArguments _arguments;
    private readonly TextWriter _log;

    public ApiBenchmark(ApiArguments arguments, TextWriter log)
    {
        _arguments = arguments;
        _log = log;
    }

    public async Task<ApiReport> RunAsync(CancellationToken cancellationToken)
    {
        var loadAtStart = MachineProbe.LoadAverage();
        MachineProbe.WarnWhenBusy(loadAtStart, _log);

        var queries = QueryTexts.Load(_arguments.Corpus, _arguments.Seed);
        var settings = new Dictionary<string, string?> { ["Indexer:Quantization"] = _arguments.Quantization.ToString() };
        await using var app = await InProcessApp.StartAsync("api", _arguments.ModelsTree, settings, cancellationToken);
        _log.WriteLine($"App listening on {app.Address} (data in {app.DataFolder}).");
        var (textEncoder, imageEncoder) = EncoderNames(app.Services);

        var population = await new PointPopulator(app.Services, _arguments, _log).RunAsync(cancellationToken);
        var breakdown = _arguments.BreakdownSamples > 0
            ? await Breakdown.MeasureAsync(app.Services, queries, _arguments.BreakdownSamples, _arguments.TopK, _log, cancellationToken)
            : null;

        using var http = new HttpLoad(app.Address, queries, _arguments.TopK, _arguments.Concurrency.Max());
        _log.WriteLine($"Check: {await http.CheckAsync(_arguments.TopK, cancellationToken)}");
        var runs = new List<LoadRunResult>();
        foreach (var concurrency in _arguments.Concurrency)
        {
            if (_arguments.Warmup > 0)
            {
                await http.RunAsync(concurrency, _arguments.Warmup, cancellationToken);
            }

            Heap.Settle();
            _log.WriteLine($"Concurrency {concurrency}: {_arguments.Requests} requests");
            var run = await http.RunAsync(concurrency, _arguments.Requests, cancellationToken);
            if (run.Errors > 0)
            {
                _log.WriteLine($"  {run.Errors} requests failed; first: {run.FirstError}");
            }

            if (run.LatenciesMs.Count == 0)
            {
                throw new InvalidOperationException($"Every request at concurrency {concurrency} failed; first: {run.FirstError}");
            }

            var latency = LatencyResult.From(run.LatenciesMs);
            runs.Add(new LoadRunResult(
                concurrency,
                _arguments.Requests,
                run.Errors,
                Rounding.Seconds(run.Seconds),
                Rounding.Rate(run.LatenciesMs.Count / run.Seconds),
                latency,
                latency.P99Ms <= GoalP99Ms));
            _log.WriteLine($"  {run.LatenciesMs.Count / run.Seconds:0.0} requests/s, p50 {latency.P50Ms:0.00} ms, p99 {latency.P99Ms:0.00} ms");
        }

        var apiSettings = new ApiSettings(
            _arguments.Items,
            _arguments.Requests,
            _arguments.Warmup,
            _arguments.Concurrency,
            _arguments.TopK,
            ["image"],
            Group: true,
            _arguments.Quantization.ToString().ToLowerInvariant(),
            Path.GetFullPath(_arguments.ModelsTree),
            textEncoder,
            imageEncoder,
            population.RealEmbeddings > 0 ? Path.GetFullPath(_arguments.Corpus) : null,
            queries.Count,
            _arguments.BreakdownSamples,
            _arguments.Seed,
            "in-process HttpClient, HTTP/1.1 keep-alive on 127.0.0.1, one connection per concurrent client");
        var goal = new GoalInfo($"API p99 ≤ {GoalP99Ms} ms for a text query at {GoalItems:N0} items", GoalP99Ms, GoalItems);
        return new ApiReport(
            ApiReport.CurrentSchemaVersion,
            "api",
            DateTimeOffset.UtcNow,
            MachineInfo.Probe(loadAtStart),
            apiSettings,
            goal,
            population,
            breakdown,
            runs);
    }

    private static (string Text, string Image) EncoderNames(IServiceProvider services)
    {
        var registry = services.GetRequiredService<EncoderRegistry>();
        return (Name(registry, Modality.Text), Name(registry, Modality.Image));
    }

    private static string Name(EncoderRegistry registry, Modality modality)
    {
        if (!registry.TryLease(modality, out var lease))
        {
            throw new InvalidOperationException($"The models tree has no active {modality} encoder; the benchmark needs text and image.");
        }

        using (lease)
        {
            return $"{lease.Encoder.Model.Manifest.Id}@{lease.Version}";
        }
    }
}
