using System.Globalization;
using Baize.Compression.Compressing;
using Baize.Compression.Hardware;
using Baize.Compression.Pruning;
using Baize.Compression.Reports;
using Baize.Compression.Training;

namespace Baize.Compression.Classification;

/// <summary>
/// The encoders' compressor (<see cref="CompressionRun"/>: the same methods, schedule, dean and checkpoints) applied
/// to the Fashion-MNIST classifier under a FLOPs budget, evaluated by test accuracy, with the same report.
/// </summary>
public static class ClassifierCompressor
{
    public static async Task<ClassifierRecord> RunAsync(
        ClassifierCompressionOptions options,
        FashionMnistSplits data,
        TrainedClassifier trained,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(trained);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.FlopsFraction, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(options.FlopsFraction, 1.0);
        options.Schedule.Validate();
        Directory.CreateDirectory(options.WorkFolder);
        var fingerprint = string.Create(
            CultureInfo.InvariantCulture,
            $"{CompressionOptions.Revision(options.Schedule.Method)}|classifier|{options.FlopsFraction}|{options.Schedule.Method}|{trained.Fingerprint}|{options.Schedule.TrainingKey}");
        if (await FinishedRun.TryReadAsync<ClassifierRecord>(options.WorkFolder, fingerprint, cancellationToken) is { } finished)
        {
            return finished;
        }

        TrainingDevice.UseAllCores();
        var teacher = trained.Model;
        teacher.eval();
        using var teacherLogits = data.Train.Logits(teacher);
        var budget = Budget.Macs((long)Math.Floor(teacher.MacsPerItem() * options.FlopsFraction));
        var run = new CompressionRun(
            options.Schedule,
            options.WorkFolder,
            fingerprint,
            () => new ClassificationTask(data, teacherLogits),
            teacher,
            // Pruning nothing builds an independent copy with every parameter and statistic of the teacher.
            () => StructuredPruner.Prune(teacher, new Dictionary<string, IReadOnlyList<int>>()),
            budget,
            progress,
            cancellationToken);
        using var student = (Classifier)run.Train();
        progress?.Report(new TrainingProgress("evaluation", 0, 1));
        var teacherAccuracy = trained.TestAccuracy;
        var accuracy = data.Test.Accuracy(student);
        var target = $"{options.TargetName} FLOPs";
        var history = new CompressionHistory(
            "classifier",
            options.Schedule.MethodName,
            target,
            run.History,
            [.. teacher.PrunableLayers().Zip(student.PrunableLayers(), (t, s) => new LayerWidth(t.Name, t.GroupCount, s.GroupCount))],
            [
                new("parameters", teacher.ParameterCount(), student.ParameterCount(), student.ParameterCount() / (double)teacher.ParameterCount()),
                new("MACs per image", teacher.MacsPerItem(), student.MacsPerItem(), student.MacsPerItem() / (double)teacher.MacsPerItem()),
                new("test accuracy", teacherAccuracy, accuracy, accuracy / teacherAccuracy),
            ]);
        var report = await CompressionReportWriter.WriteAsync(history, Path.Combine(options.WorkFolder, "report"), cancellationToken);
        var record = new ClassifierRecord(
            options.Schedule.MethodName,
            options.FlopsFraction,
            student.ParameterCount(),
            student.ParameterCount() / (double)teacher.ParameterCount(),
            student.MacsPerItem(),
            student.MacsPerItem() / (double)teacher.MacsPerItem(),
            accuracy,
            teacherAccuracy,
            accuracy - teacherAccuracy,
            Math.Round(run.Seconds, 1),
            CompressionRun.WidthsOf(student),
            report);
        await FinishedRun.WriteAsync(options.WorkFolder, fingerprint, record, cancellationToken);
        return record;
    }
}
