using Baize.Compression.Architectures;
using Baize.Compression.Compressing;
using Baize.Compression.Tests.Training;
using Baize.Embedding;
using Baize.Embedding.Models;

namespace Baize.Compression.Tests.Compressing;

public sealed class CompressorTests(TinyTeachersFixture teachers) : IClassFixture<TinyTeachersFixture>
{
    [Fact]
    public async Task Killed_dean_run_resumes_from_its_checkpoint_ships_a_student_within_budget_and_is_not_redone()
    {
        var options = Options(Modality.Image, CompressionMethod.Dean, "resume");
        using var interrupt = new CancellationTokenSource();
        var firstRun = new RecordingProgress(report =>
        {
            if (report is { Stage: "joint", Done: 6 })
            {
                interrupt.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Compressor.RunAsync(options, firstRun, interrupt.Token));
        var secondRun = new RecordingProgress(_ => { });
        var record = await Compressor.RunAsync(options, secondRun, TestContext.Current.CancellationToken);

        Assert.Contains((string?)"joint", firstRun.Steps.Select(s => s.Stage));
        var resumedJointSteps = secondRun.Steps.Where(s => s.Stage == "joint").Select(s => s.Done).ToList();
        Assert.Equal(5, resumedJointSteps.Min());
        Assert.Contains(secondRun.Steps, s => s.Stage == "recovery");
        AssertShippedWithinBudget(record, options);
        var history = await File.ReadAllTextAsync(Path.Combine(options.WorkFolder, "report", "report.md"), TestContext.Current.CancellationToken);
        Assert.Contains("dean-alpha.png", history, StringComparison.Ordinal);

        var thirdRun = new RecordingProgress(_ => { });
        var again = await Compressor.RunAsync(options, thirdRun, TestContext.Current.CancellationToken);
        Assert.Empty(thirdRun.Steps);
        Assert.Equal((record.ModelFolder, record.Params, record.R1Retention), (again.ModelFolder, again.Params, again.R1Retention));
    }

    [Fact]
    public async Task Dean_run_repeated_in_one_process_ships_the_same_student()
    {
        var first = await Compressor.RunAsync(Options(Modality.Image, CompressionMethod.Dean, "repeat-first"), null, TestContext.Current.CancellationToken);
        // Whatever the process drew from the global generator in between must not reach the next run.
        using (TorchSharp.torch.rand(1000))
        {
        }

        var second = await Compressor.RunAsync(Options(Modality.Image, CompressionMethod.Dean, "repeat-second"), null, TestContext.Current.CancellationToken);

        Assert.Equal(WeightsHash(first), WeightsHash(second));
        Assert.Equal(first.R1Retention, second.R1Retention);
    }

    [Theory]
    [InlineData(CompressionMethod.Joint, Modality.Text)]
    [InlineData(CompressionMethod.Prune, Modality.Audio)]
    [InlineData(CompressionMethod.Kd, Modality.Video)]
    [InlineData(CompressionMethod.Scratch, Modality.Image)]
    public async Task Every_method_ships_a_student_within_the_budget(CompressionMethod method, Modality modality)
    {
        var options = Options(modality, method, method.ToString());

        var record = await Compressor.RunAsync(options, null, TestContext.Current.CancellationToken);

        AssertShippedWithinBudget(record, options);
    }

    [Fact]
    public async Task Runs_sharing_their_data_load_it_once_and_refuse_data_of_another_corpus()
    {
        using var data = new SharedCompressionData();
        var first = new RecordingProgress(_ => { });
        var second = new RecordingProgress(_ => { });

        var prune = await Compressor.RunAsync(Options(Modality.Image, CompressionMethod.Prune, "shared-prune"), data, first, TestContext.Current.CancellationToken);
        var scratch = await Compressor.RunAsync(Options(Modality.Text, CompressionMethod.Scratch, "shared-scratch"), data, second, TestContext.Current.CancellationToken);

        Assert.Contains(first.Steps, s => s.Stage.StartsWith("teacher embeddings", StringComparison.Ordinal));
        Assert.DoesNotContain(second.Steps, s => s.Stage.StartsWith("teacher embeddings", StringComparison.Ordinal));
        AssertShippedWithinBudget(prune, Options(Modality.Image, CompressionMethod.Prune, "shared-prune"));
        AssertShippedWithinBudget(scratch, Options(Modality.Text, CompressionMethod.Scratch, "shared-scratch"));
        var elsewhere = Options(Modality.Audio, CompressionMethod.Kd, "shared-kd") with { CorpusFolder = Path.Combine(teachers.Root, "another-corpus") };
        await Assert.ThrowsAsync<ArgumentException>(() => Compressor.RunAsync(elsewhere, data, null, TestContext.Current.CancellationToken));
    }

    private CompressionOptions Options(Modality modality, CompressionMethod method, string name) => new(
        modality,
        Ratio: 2,
        new CompressionSchedule(method, Steps: 10, Batch: 4, JointShare: 0.7, AdmmRounds: 2, MetaInterval: 3, MeasureInterval: 4, CheckpointInterval: 4),
        teachers.CorpusFolder,
        teachers.ModelsFolder,
        Path.Combine(teachers.Root, "work", name),
        Version: $"student-{name.ToLowerInvariant()}",
        FeatureCacheFolder: teachers.FeatureCache);

    private static string WeightsHash(CompressionRecord record) => ModelFolder.Load(record.ModelFolder).Manifest.Files[ModelFolder.WeightsFileName];

    private void AssertShippedWithinBudget(CompressionRecord record, CompressionOptions options)
    {
        var folder = ModelFolder.Load(record.ModelFolder);
        var teacher = new ModelDirectory(teachers.ModelsFolder).LoadActive(options.Modality)!;
        Assert.Equal(options.StudentVersion, folder.Version);
        Assert.NotEqual(folder.Version, teacher.Version);
        Assert.True(folder.Manifest.Parameters <= teacher.Manifest.Parameters / options.Ratio, $"{folder.Manifest.Parameters} parameters for a budget of {teacher.Manifest.Parameters / options.Ratio}");
        Assert.Equal(teacher.Version, folder.Manifest.Lineage.ParentVersion);
        Assert.Contains(folder.Manifest.Metrics.Keys, key => key.StartsWith("test_recall_at_1_", StringComparison.Ordinal));
        using var student = EncoderFolder.Load(folder);
        Assert.Equal(folder.Manifest.Parameters, student.ParameterCount());
        Assert.True(File.Exists(Path.Combine(options.WorkFolder, FinishedRun.ResultFile)));
    }
}
