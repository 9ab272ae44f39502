using Baize.Compression.Classification;
using Baize.Compression.Compressing;
using Baize.Compression.Tests.Training;

namespace Baize.Compression.Tests.Classification;

public sealed class ClassifierCompressorTests(FashionMnistFixture fashion) : IClassFixture<FashionMnistFixture>
{
    [Fact]
    public void A_trained_teacher_is_loaded_again_rather_than_retrained()
    {
        using var again = ClassifierTeacher.LoadOrTrain(fashion.TeacherFolder, fashion.Data, ClassifierConfig.FashionTeacher(), fashion.TeacherOptions, null, TestContext.Current.CancellationToken);

        Assert.Equal(0, again.TrainingSeconds);
        Assert.Equal(fashion.Teacher.Fingerprint, again.Fingerprint);
        Assert.Equal(fashion.Teacher.TestAccuracy, again.TestAccuracy);
        // Two epochs on 512 images already beat chance (10 %) by far.
        Assert.InRange(fashion.Teacher.TestAccuracy, 0.3, 1.0);
    }

    [Theory]
    [InlineData(CompressionMethod.Dean, 0.5)]
    [InlineData(CompressionMethod.Joint, 0.25)]
    [InlineData(CompressionMethod.Prune, 0.5)]
    [InlineData(CompressionMethod.Kd, 0.25)]
    [InlineData(CompressionMethod.Scratch, 0.5)]
    public async Task Every_method_compresses_the_classifier_within_its_FLOPs_budget_and_is_not_redone(CompressionMethod method, double flops)
    {
        var schedule = new CompressionSchedule(method, Steps: 8, Batch: 16, JointShare: 0.5, AdmmRounds: 2, MetaInterval: 3, MeasureInterval: 3, CheckpointInterval: 4);
        var options = new ClassifierCompressionOptions(flops, schedule, Path.Combine(fashion.Root, $"{method}-{flops}"));

        var record = await ClassifierCompressor.RunAsync(options, fashion.Data, fashion.Teacher, null, TestContext.Current.CancellationToken);

        var teacher = fashion.Teacher.Model;
        Assert.True(record.Macs <= teacher.MacsPerItem() * flops, $"{record.Macs} MACs for a budget of {teacher.MacsPerItem() * flops}");
        Assert.Equal(record.Macs / (double)teacher.MacsPerItem(), record.MacsRatio, 6);
        Assert.True(record.Params < teacher.ParameterCount());
        Assert.InRange(record.Accuracy, 0.0, 1.0);
        Assert.Equal(record.Accuracy - fashion.Teacher.TestAccuracy, record.AccuracyDelta, 9);
        Assert.True(File.Exists(record.Report));

        var progress = new RecordingProgress();
        var again = await ClassifierCompressor.RunAsync(options, fashion.Data, fashion.Teacher, progress, TestContext.Current.CancellationToken);
        Assert.Empty(progress.Steps);
        Assert.Equal((record.Macs, record.Accuracy), (again.Macs, again.Accuracy));
    }
}
