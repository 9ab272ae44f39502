using Baize.BenchSupport;
using Baize.ClassifierBench.Reporting;
using Baize.ClassifierBench.Results;
using Baize.Compression.Classification;
using Baize.Compression.Compressing;
using Baize.CompressionBench;
using Baize.Embedding.Media;
using Baize.Encoders.Results;

namespace Baize.ClassifierBench;

/// <summary>A whole run: load Fashion-MNIST, train (or reuse) the teacher, compress it to every target by every method.</summary>
public sealed class BenchmarkRun(BenchmarkArguments arguments, TextWriter log)
{
    public async Task<ClassifierReport> RunAsync(CancellationToken cancellationToken)
    {
        var machine = await MachineInfo.ProbeAsync(MediaDecodeOptions.Default.FfmpegPath, cancellationToken);
        MachineProbe.WarnWhenBusy(machine.LoadAverage1M, log);
        using var data = FashionMnistSplits.Load(arguments.FashionMnist, arguments.TrainItems, BenchmarkArguments.ValidationItems, BenchmarkArguments.TestItems);
        var config = ClassifierConfig.FashionTeacher(FashionMnistSplits.Classes);
        var teacherOptions = new ClassifierTeacherOptions(Epochs: arguments.TeacherEpochs);
        using var teacher = ClassifierTeacher.LoadOrTrain(
            Path.Combine(arguments.Work, "teacher"), data, config, teacherOptions, new ProgressLog("teacher", log), cancellationToken);
        log.WriteLine($"teacher: test accuracy {teacher.TestAccuracy:P2}");

        var runs = new List<ClassifierRecord>();
        foreach (var target in arguments.Targets)
        {
            foreach (var method in arguments.Methods)
            {
                var schedule = new CompressionSchedule(method, Steps: arguments.Steps, Batch: arguments.Batch);
                var options = new ClassifierCompressionOptions(target, schedule, Path.GetFullPath(Path.Combine(arguments.Work, $"{schedule.MethodName}-{target:0.###}")));
                var name = $"{options.TargetName} {schedule.MethodName}";
                var record = await ClassifierCompressor.RunAsync(options, data, teacher, new ProgressLog(name, log), cancellationToken);
                log.WriteLine($"{name}: accuracy {record.Accuracy:P2} at {record.MacsRatio:P1} of the MACs, {record.WallS:0} s");
                runs.Add(record);
            }
        }

        var settings = new ClassifierSettings(
            ClassifierConfig.Name,
            arguments.TrainItems,
            BenchmarkArguments.ValidationItems,
            BenchmarkArguments.TestItems,
            arguments.TeacherEpochs,
            arguments.Targets,
            [.. arguments.Methods.Select(m => m.ToString().ToLowerInvariant())],
            arguments.Steps,
            arguments.Batch,
            Path.GetFullPath(arguments.Work));
        var report = new ClassifierReport(
            ClassifierReport.CurrentSchemaVersion,
            DateTimeOffset.UtcNow,
            machine,
            settings,
            new TeacherResult(teacher.Model.ParameterCount(), teacher.Model.MacsPerItem(), teacher.TestAccuracy, arguments.TeacherEpochs, Math.Round(teacher.TrainingSeconds, 1)),
            runs);
        var markdown = Path.GetFullPath(arguments.MarkdownOutput);
        Directory.CreateDirectory(Path.GetDirectoryName(markdown)!);
        await File.WriteAllTextAsync(markdown, MarkdownReport.Render(report), cancellationToken);
        log.WriteLine($"Wrote {markdown}");
        return report;
    }
}
