using Baize.Compression.Training;
using Baize.Corpus.Generation;
using Baize.Embedding;
using Baize.Embedding.Models;

namespace Baize.Compression.Tests.Training;

public sealed class TeacherTrainerTests : IAsyncLifetime
{
    private static readonly GeneratorOptions TinyCorpus = new()
    {
        Seed = 5,
        Train = new SplitSize(8, 4),
        Validation = new SplitSize(4, 2),
        Test = new SplitSize(2, 2),
    };

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("baize-training-");

    private string CorpusFolder => Path.Combine(_folder.FullName, "corpus");

    public async ValueTask InitializeAsync() =>
        await new CorpusGenerator().GenerateAsync(CorpusFolder, TinyCorpus, null, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        _folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Interrupted_run_resumes_after_its_last_epoch_and_exports_valid_model_folders()
    {
        var options = new TeacherTrainingOptions(
            CorpusFolder,
            Path.Combine(_folder.FullName, "work"),
            Path.Combine(_folder.FullName, "models"),
            "tiny-1",
            Epochs: 2,
            SceneBatch: 4,
            ClipBatch: 2,
            WidthFactor: 0.25);
        using var interrupt = new CancellationTokenSource();
        var firstRun = new RecordingProgress(report =>
        {
            if (report is { Stage: "epochs", Done: 1 })
            {
                interrupt.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TeacherTrainer.TrainAsync(options, firstRun, interrupt.Token));
        var secondRun = new RecordingProgress(_ => { });
        var result = await TeacherTrainer.TrainAsync(options, secondRun, TestContext.Current.CancellationToken);

        Assert.Contains(firstRun.Stages, stage => stage == "epoch 1/2");
        Assert.DoesNotContain(secondRun.Stages, stage => stage == "epoch 1/2");
        Assert.Contains(secondRun.Stages, stage => stage == "epoch 2/2");
        Assert.Equal([1, 2], result.History.Select(epoch => epoch.Epoch));
        Assert.Equal(4, result.ModelFolders.Count);
        foreach (var folder in result.ModelFolders.Values)
        {
            var model = ModelFolder.Load(folder);
            Assert.Equal("tiny-1", model.Version);
            Assert.True(model.Manifest.Parameters > 0);
            // Image and audio share one encoder class; their manifests still read as when each had its own.
            Assert.Equal($"{model.Modality}Encoder", model.Manifest.Architecture.Name);
            if (model.Modality is Modality.Image or Modality.Audio)
            {
                Assert.Equal(["backbone", "head_hidden_units"], model.Manifest.Architecture.Config.Select(entry => entry.Key));
            }
        }
    }
}
