using Baize.BenchSupport;
using Baize.Compression.Compressing;
using Baize.CompressionBench.Reporting;
using Baize.CompressionBench.Results;
using Baize.Embedding;
using Baize.Embedding.Manifests;
using Baize.Embedding.Media;
using Baize.Embedding.Models;
using Baize.Encoders;
using Baize.Encoders.Results;

namespace Baize.CompressionBench;

/// <summary>
/// A whole run: link the teachers, compress every (modality, target, method), then time each teacher and its
/// students with bench/Encoders' <see cref="EncoderBenchmark"/> and write the report.
/// </summary>
public sealed class BenchmarkRun
{
    /// <summary>The split the students are evaluated on, so its items are also the serving inputs.</summary>
    private const string ServingSplit = "test";

    private readonly BenchmarkArguments _arguments;
    private readonly TextWriter _log;

    public BenchmarkRun(BenchmarkArguments arguments, TextWriter log)
    {
        _arguments = arguments;
        _log = log;
    }

    public async Task<CompressionReport> RunAsync(CancellationToken cancellationToken)
    {
        // Read before anything else, so a missing split fails in seconds rather than after the training.
        var split = CorpusSplit.Load(_arguments.Corpus, ServingSplit);

        // Read before any training, so the load average reflects other work on the machine rather than this benchmark.
        var machine = await MachineInfo.ProbeAsync(MediaDecodeOptions.Default.FfmpegPath, cancellationToken);
        MachineProbe.WarnWhenBusy(machine.LoadAverage1M, _log);

        var teachers = TeacherMirror.Provide(_arguments.ModelsTree, _arguments.StudentModelsTree, _log);
        var runner = new CompressionRunner(_arguments, teachers, _log);
        var records = new List<(Modality Modality, int Seed, CompressionRecord Record)>();

        // Every run reads the same corpus and teachers: loaded once, and released before the timing.
        using (var data = new SharedCompressionData())
        {
            foreach (var modality in _arguments.Modalities)
            {
                foreach (var target in _arguments.Targets)
                {
                    foreach (var method in _arguments.Methods)
                    {
                        foreach (var seed in _arguments.Seeds)
                        {
                            records.Add((modality, seed, await runner.RunAsync(modality, target, method, seed, data, cancellationToken)));
                        }
                    }
                }
            }
        }

        // Timed only once all training is over, so libtorch's threads are idle, and each teacher right before its
        // students: the ratios compare models timed back to back, in one process, with the same session options.
        var serving = new BenchmarkSettings(_arguments.IntraOpThreads, BatchSize: 32, Path.GetFullPath(_arguments.Corpus), ServingSplit, _arguments.PreprocessItems);
        var benchmark = new EncoderBenchmark(serving, split, _log);
        var teacherResults = new List<EncoderResult>();
        var runs = new List<RunResult>();
        foreach (var modality in _arguments.Modalities)
        {
            var teacher = await benchmark.RunAsync(teachers[modality], cancellationToken);
            teacherResults.Add(teacher);
            foreach (var (_, seed, record) in records.Where(r => r.Modality == modality))
            {
                var student = await benchmark.RunAsync(ModelFolder.Load(record.ModelFolder), cancellationToken);
                runs.Add(new RunResult(record, seed, student, teacher));
            }
        }

        var settings = new CompressionSettings(
            [.. _arguments.Modalities.Select(ManifestJson.ModalityName)],
            _arguments.Targets,
            [.. _arguments.Methods.Select(m => m.ToString().ToLowerInvariant())],
            _arguments.Steps,
            _arguments.StepsFor(Modality.Audio),
            _arguments.Seeds,
            _arguments.Batch,
            _arguments.VideoBatch,
            Path.GetFullPath(_arguments.Corpus),
            Path.GetFullPath(_arguments.ModelsTree),
            Path.GetFullPath(_arguments.StudentModelsTree),
            Path.GetFullPath(_arguments.Work),
            Path.GetFullPath(_arguments.Features),
            serving);
        var report = new CompressionReport(CompressionReport.CurrentSchemaVersion, DateTimeOffset.UtcNow, machine, settings, teacherResults, runs);

        // BenchmarkProgram writes the JSON and prints the Markdown; the Markdown is also kept beside the JSON, where
        // BENCHMARKS.md and the issue can link it.
        var markdown = Path.GetFullPath(_arguments.MarkdownOutput);
        Directory.CreateDirectory(Path.GetDirectoryName(markdown)!);
        await File.WriteAllTextAsync(markdown, MarkdownReport.Render(report), cancellationToken);
        _log.WriteLine($"Wrote {markdown}");
        return report;
    }
}
