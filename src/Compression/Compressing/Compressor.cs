using Baize.Compression.Architectures;
using Baize.Compression.Export;
using Baize.Compression.Hardware;
using Baize.Compression.Pruning;
using Baize.Compression.Reports;
using Baize.Compression.Training;
using Baize.Embedding.Manifests;
using Baize.Embedding.Models;

namespace Baize.Compression.Compressing;

/// <summary>
/// Compresses one encoder to a parameter budget by the chosen method, resumably: it checkpoints during training and
/// continues from the last checkpoint when run again with the same options; then it evaluates the student against
/// its teacher, exports it as a model folder next to the teacher (not activated) and writes the report.
/// </summary>
public static class Compressor
{
    /// <summary>Compresses as <paramref name="options"/> say, loading the data for this run alone.</summary>
    public static Task<CompressionRecord> RunAsync(CompressionOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(options, sharedData: null, progress, cancellationToken);

    /// <summary>Compresses as <paramref name="options"/> say.</summary>
    /// <param name="sharedData">Data loaded once for many runs (the benchmark's); null loads and releases it for this run.</param>
    public static async Task<CompressionRecord> RunAsync(CompressionOptions options, SharedCompressionData? sharedData, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Ratio, 1.0);
        options.Schedule.Validate();
        Directory.CreateDirectory(options.WorkFolder);
        var teacherVersion = new ModelDirectory(options.ModelsFolder).GetActiveVersion(options.Modality)
            ?? throw new InvalidOperationException($"{options.ModelsFolder} has no active {ManifestJson.ModalityName(options.Modality)} encoder to compress.");
        var fingerprint = options.Fingerprint + "|" + teacherVersion;
        if (await FinishedRun.TryReadAsync<CompressionRecord>(options.WorkFolder, fingerprint, cancellationToken) is { } finished
            && Directory.Exists(finished.ModelFolder))
        {
            return finished;
        }

        TrainingDevice.UseAllCores();
        using var ownData = sharedData is null
            ? await CompressionData.LoadAsync(options.CorpusFolder, options.ModelsFolder, options.FeatureCache, progress, cancellationToken)
            : null;
        var data = ownData ?? await sharedData!.GetAsync(options, progress, cancellationToken);
        var teacherFolder = data.TeacherFolders[options.Modality];
        var teacher = data.Teachers[options.Modality];
        var budget = Budget.Parameters((long)Math.Floor(teacher.ParameterCount() / options.Ratio));
        var run = new CompressionRun(
            options.Schedule,
            options.WorkFolder,
            fingerprint,
            () => new RetrievalTask(data, options.Modality),
            teacher,
            () => EncoderFolder.Load(teacherFolder),
            budget,
            progress,
            cancellationToken);

        using var student = run.Train();
        progress?.Report(new TrainingProgress("evaluation", 0, 1));
        var evaluation = StudentEvaluation.Run(data, options.Modality, student);
        var method = $"{options.MethodName}-{options.TargetName}";
        var folder = await new ModelFolderExporter(options.ModelsFolder).ExportStudentAsync(student, teacherFolder, options.StudentVersion, method, evaluation.ManifestMetrics(), cancellationToken);
        var record = Record(options, teacherFolder, teacher, student, evaluation, folder, run.Seconds);
        var history = new CompressionHistory(
            ManifestJson.ModalityName(options.Modality),
            options.MethodName,
            options.TargetName,
            run.History,
            [.. teacher.PrunableLayers().Zip(student.PrunableLayers(), (t, s) => new LayerWidth(t.Name, t.GroupCount, s.GroupCount))],
            MetricRows(record, evaluation, teacher, teacherFolder));
        var report = await CompressionReportWriter.WriteAsync(history, Path.Combine(options.WorkFolder, "report"), cancellationToken);
        record = record with { Report = report };
        await FinishedRun.WriteAsync(options.WorkFolder, fingerprint, record, cancellationToken);
        return record;
    }

    private static CompressionRecord Record(CompressionOptions options, ModelFolder teacherFolder, IEncoder teacher, IEncoder student, StudentEvaluation evaluation, string folder, double seconds)
    {
        var teacherBytes = new FileInfo(teacherFolder.ModelPath).Length;
        var studentBytes = new FileInfo(Path.Combine(folder, ModelFolder.ModelFileName)).Length;
        return new CompressionRecord(
            ManifestJson.ModalityName(options.Modality),
            options.TargetName,
            options.MethodName,
            student.ParameterCount(),
            student.ParameterCount() / (double)teacher.ParameterCount(),
            student.MacsPerItem(),
            student.MacsPerItem() / (double)teacher.MacsPerItem(),
            studentBytes,
            studentBytes / (double)teacherBytes,
            evaluation.RecallAt1Retention,
            evaluation.RecallAt10Retention,
            evaluation.CompatibilityRetention,
            Math.Round(seconds, 1),
            evaluation.Pairs.ToDictionary(p => PairName(p.Teacher), p => p.Teacher.Metrics.RecallAt1),
            evaluation.Pairs.ToDictionary(p => PairName(p.Student), p => p.Student.Metrics.RecallAt1),
            evaluation.Pairs.ToDictionary(p => PairName(p.Teacher), p => p.Teacher.Metrics.RecallAt10),
            evaluation.Pairs.ToDictionary(p => PairName(p.Student), p => p.Student.Metrics.RecallAt10),
            CompressionRun.WidthsOf(student),
            folder,
            string.Empty);
    }

    private static string PairName(Corpus.Evaluation.PairMetrics pair) => $"{ManifestJson.ModalityName(pair.Query)}->{ManifestJson.ModalityName(pair.Gallery)}";

    private static List<MetricRow> MetricRows(CompressionRecord record, StudentEvaluation evaluation, IEncoder teacher, ModelFolder teacherFolder)
    {
        var rows = new List<MetricRow>
        {
            new("parameters", teacher.ParameterCount(), record.Params, record.ParamsRatio),
            new("MACs per item", teacher.MacsPerItem(), record.Macs, record.MacsRatio),
            new("ONNX bytes", new FileInfo(teacherFolder.ModelPath).Length, record.OnnxBytes, record.OnnxBytesRatio),
        };
        foreach (var (before, after) in evaluation.Pairs)
        {
            var pair = PairName(before);
            rows.Add(new($"{pair} R@1", before.Metrics.RecallAt1, after.Metrics.RecallAt1, after.Metrics.RecallAt1 / before.Metrics.RecallAt1));
            rows.Add(new($"{pair} R@10", before.Metrics.RecallAt10, after.Metrics.RecallAt10, after.Metrics.RecallAt10 / before.Metrics.RecallAt10));
        }

        rows.Add(new("compatibility R@1 (student queries, teacher index)", evaluation.TeacherSameModality.RecallAt1, evaluation.Compatibility.RecallAt1, evaluation.CompatibilityRetention));
        return rows;
    }
}
