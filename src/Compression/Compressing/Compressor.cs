using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Baize.Compression.Architectures;
using Baize.Compression.Export;
using Baize.Compression.Hardware;
using Baize.Compression.Layers;
using Baize.Compression.Pruning;
using Baize.Compression.Reports;
using Baize.Compression.Training;
using Baize.Embedding.Manifests;
using Baize.Embedding.Models;
using TorchSharp;

namespace Baize.Compression.Compressing;

/// <summary>
/// Compresses one encoder to a parameter budget by the chosen method, resumably: it checkpoints during training and
/// continues from the last checkpoint when run again with the same options; then it evaluates the student against
/// its teacher, exports it as a model folder next to the teacher (not activated) and writes the report.
/// </summary>
public static class Compressor
{
    public const string ResultFile = "result.json";

    /// <summary>Written last, with the run's fingerprint: a finished run asked again returns its result instead of retraining.</summary>
    private const string FinishedFile = "finished.txt";
    private static readonly JsonSerializerOptions ResultJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task<CompressionRecord> RunAsync(CompressionOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Ratio, 1.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Steps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Batch, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.AdmmRounds, 1);
        Directory.CreateDirectory(options.WorkFolder);
        var teacherVersion = new ModelDirectory(options.ModelsFolder).GetActiveVersion(options.Modality)
            ?? throw new InvalidOperationException($"{options.ModelsFolder} has no active {ManifestJson.ModalityName(options.Modality)} encoder to compress.");
        var fingerprint = options.Fingerprint + "|" + teacherVersion;
        if (await TryReadFinishedAsync(options.WorkFolder, fingerprint, cancellationToken) is { } finished)
        {
            return finished;
        }

        TrainingDevice.UseAllCores();
        using var data = await CompressionData.LoadAsync(options.CorpusFolder, options.ModelsFolder, options.FeatureCache, progress, cancellationToken);
        var teacherFolder = data.TeacherFolders[options.Modality];
        var teacher = data.Teachers[options.Modality];
        var budget = (long)Math.Floor(teacher.ParameterCount() / options.Ratio);
        var run = new Run(options, data, teacher, budget, fingerprint, progress, cancellationToken);

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
        await File.WriteAllTextAsync(Path.Combine(options.WorkFolder, ResultFile), JsonSerializer.Serialize(record, ResultJson), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(options.WorkFolder, FinishedFile), fingerprint, cancellationToken);
        return record;
    }

    /// <summary>The result of this very run if it already finished and its student folder is still there.</summary>
    private static async Task<CompressionRecord?> TryReadFinishedAsync(string workFolder, string fingerprint, CancellationToken cancellationToken)
    {
        var finished = Path.Combine(workFolder, FinishedFile);
        var result = Path.Combine(workFolder, ResultFile);
        if (!File.Exists(finished) || !File.Exists(result) || await File.ReadAllTextAsync(finished, cancellationToken) != fingerprint)
        {
            return null;
        }

        var record = JsonSerializer.Deserialize<CompressionRecord>(await File.ReadAllTextAsync(result, cancellationToken), ResultJson);
        return record is not null && Directory.Exists(record.ModelFolder) ? record : null;
    }

    /// <summary>Per prunable layer, its width: with the teacher's config, enough to rebuild the student's architecture.</summary>
    internal static Dictionary<string, int> WidthsOf(IEncoder encoder) => encoder.PrunableLayers().ToDictionary(layer => layer.Name, layer => layer.GroupCount);

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
            WidthsOf(student),
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

    /// <summary>The training part of one run, phase by phase, with its checkpoints.</summary>
    private sealed class Run(CompressionOptions options, CompressionData data, IEncoder teacher, long budget, string fingerprint, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        private const string JointPhase = "joint";
        private const string RecoveryPhase = "recovery";
        private const string TrainPhase = "train";

        private readonly CompressionCheckpoint _checkpoint = new(options.WorkFolder);
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private double _secondsBefore;

        public List<HistoryPoint> History { get; } = [];

        public double Seconds => _secondsBefore + _clock.Elapsed.TotalSeconds;

        public IEncoder Train()
        {
            var state = _checkpoint.TryReadState(fingerprint);
            _secondsBefore = state?.Seconds ?? 0;
            return options.Method switch
            {
                CompressionMethod.Dean or CompressionMethod.Joint when state is null || state.Phase == JointPhase => Recover(Joint(state), null),
                CompressionMethod.Dean or CompressionMethod.Joint => Recover(StudentOf(state!.Widths), state),
                _ => Plain(state),
            };
        }

        /// <summary>The joint phase from a copy of the teacher, ending in the hard prune.</summary>
        private IEncoder Joint(CheckpointState? state)
        {
            using var student = EncoderFolder.Load(data.TeacherFolders[options.Modality]);
            using var joint = new JointPruning(student, teacher, budget, options.InitialRho, options.RhoGrowth, options.Method == CompressionMethod.Dean);
            using var training = new StudentTraining(options, data, student, options.JointSteps, distill: true, joint);
            var from = 0;
            if (state is null)
            {
                joint.Start();
            }
            else
            {
                _checkpoint.Restore(state, student, training, joint);
                from = state.StepsDone;
            }

            var roundLength = Math.Max(1, (int)Math.Ceiling(options.JointSteps / (double)options.AdmmRounds));
            training.Run(from, JointPhase, progress, done =>
            {
                if (done % roundLength == 0 || done == options.JointSteps)
                {
                    joint.EndRound();
                }

                if (done % options.CheckpointInterval == 0 && done < options.JointSteps)
                {
                    _checkpoint.Save(StateAt(JointPhase, done, student) with { History = [.. training.History] }, student, training, joint);
                }
            }, cancellationToken);
            History.AddRange(training.History);
            return StructuredPruner.Prune(student, joint.Allocation);
        }

        /// <summary>Recovery fine-tuning of the hard-pruned student: task and output distillation.</summary>
        private IEncoder Recover(IEncoder student, CheckpointState? state)
        {
            return TrainPlainly(student, state, RecoveryPhase, options.Steps - options.JointSteps, distill: true);
        }

        /// <summary>The baselines: a thinned or one-shot-pruned student trained for all the steps.</summary>
        private IEncoder Plain(CheckpointState? state)
        {
            var student = state is not null ? StudentOf(state.Widths) : options.Method switch
            {
                CompressionMethod.Prune => OneShotPruned(),
                _ => Thinned(),
            };
            return TrainPlainly(student, state, TrainPhase, options.Steps, distill: options.Method == CompressionMethod.Kd);
        }

        private IEncoder TrainPlainly(IEncoder student, CheckpointState? state, string phase, int steps, bool distill)
        {
            using var training = new StudentTraining(options, data, student, steps, distill, joint: null);
            var from = 0;
            if (state is not null)
            {
                _checkpoint.Restore(state, student, training, null);
                History.AddRange(state.History);
                from = state.StepsDone;
            }

            // A phase's first checkpoint makes the resume of a killed run start from this phase, not from scratch.
            _checkpoint.Save(StateAt(phase, from, student), student, training, null);
            training.Run(from, phase, progress, done =>
            {
                if (done % options.CheckpointInterval == 0 && done < steps)
                {
                    _checkpoint.Save(StateAt(phase, done, student), student, training, null);
                }
            }, cancellationToken);
            return student;
        }

        private CheckpointState StateAt(string phase, int done, IEncoder student) =>
            new(fingerprint, phase, done, WidthsOf(student), [.. History], Seconds);

        private IEncoder StudentOf(Dictionary<string, int> widths) => teacher.Config.WithWidths(widths).Build();

        /// <summary>The uniformly thinned architecture with the most parameters that fit the budget, randomly initialised.</summary>
        private IEncoder Thinned()
        {
            var (low, high) = (0.01, 1.0);
            for (var i = 0; i < 40; i++)
            {
                var middle = (low + high) / 2;
                (low, high) = teacher.Config.Thinned(middle).ParameterCount() <= budget ? (middle, high) : (low, middle);
            }

            torch.manual_seed(options.Seed);
            return teacher.Config.Thinned(low).Build();
        }

        private IEncoder OneShotPruned()
        {
            using var copy = EncoderFolder.Load(data.TeacherFolders[options.Modality]);
            var layers = copy.PrunableLayers();
            var norms = layers.Select(L1Norms).ToList();
            return StructuredPruner.Prune(copy, BudgetAllocator.Allocate(copy.Config, layers, norms, [.. layers.Select(_ => 1.0)], budget));
        }

        private static double[] L1Norms(PrunableLayer layer)
        {
            using var norms = layer.GroupL1Norms();
            return GroupProjection.Values(norms);
        }
    }
}
