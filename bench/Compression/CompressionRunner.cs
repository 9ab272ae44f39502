using System.Globalization;
using Baize.Compression.Compressing;
using Baize.Embedding;
using Baize.Embedding.Manifests;
using Baize.Embedding.Models;

namespace Baize.CompressionBench;

/// <summary>
/// Runs one (modality, target, method, seed) through <see cref="Compressor"/>, one work folder per run so a killed
/// benchmark resumes from the checkpoints and a finished run (same settings and teacher) is not redone.
/// </summary>
public sealed class CompressionRunner
{
    private readonly BenchmarkArguments _arguments;
    private readonly IReadOnlyDictionary<Modality, ModelFolder> _teachers;
    private readonly TextWriter _log;

    /// <param name="teachers">The teachers as Compressor reads them from the students' models tree.</param>
    public CompressionRunner(BenchmarkArguments arguments, IReadOnlyDictionary<Modality, ModelFolder> teachers, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(teachers);
        ArgumentNullException.ThrowIfNull(log);
        _arguments = arguments;
        _teachers = teachers;
        _log = log;
    }

    /// <exception cref="InvalidOperationException">The student's version is the teacher's, so exporting it would replace the linked teacher.</exception>
    /// <param name="data">The corpus and teachers, loaded by the first run that trains.</param>
    public async Task<CompressionRecord> RunAsync(Modality modality, int target, CompressionMethod method, int seed, SharedCompressionData data, CancellationToken cancellationToken)
    {
        var modalityName = ManifestJson.ModalityName(modality);
        var options = new CompressionOptions(
            modality,
            target,
            new CompressionSchedule(method, Steps: _arguments.StepsFor(modality), Batch: modality == Modality.Video ? _arguments.VideoBatch : _arguments.Batch, Seed: seed),
            Path.GetFullPath(_arguments.Corpus),
            Path.GetFullPath(_arguments.StudentModelsTree),
            WorkFolder: string.Empty,
            FeatureCacheFolder: Path.GetFullPath(_arguments.Features));

        // The default seed's student keeps the plain name (dean-4x), so runs of single-seed benchmarks are reused.
        if (seed != CompressionSchedule.DefaultSeed)
        {
            options = options with { Version = string.Create(CultureInfo.InvariantCulture, $"{options.StudentVersion}-seed{seed}") };
        }

        // Named as baize compress names its default work folder: text-dean-4x.
        options = options with { WorkFolder = Path.GetFullPath(Path.Combine(_arguments.Work, $"{modalityName}-{options.StudentVersion}")) };
        var teacher = _teachers[modality];

        // The exporter empties the student's version folder first, which would be the link to the repository's teacher.
        if (options.StudentVersion == teacher.Version)
        {
            throw new InvalidOperationException($"The {modalityName} teacher is version '{teacher.Version}', the name of the {options.StudentVersion} student; rename the teacher.");
        }

        var run = $"{modalityName} {options.TargetName} {options.MethodName} seed {seed}";
        _log.WriteLine($"{run}: {options.Schedule.Steps} steps at batch {options.Schedule.Batch} in {options.WorkFolder}");
        var record = await Compressor.RunAsync(options, data, new ProgressLog(run, _log), cancellationToken);
        _log.WriteLine($"{run}: done in {record.WallS:0} s, student at {record.ModelFolder}");
        return record;
    }
}
