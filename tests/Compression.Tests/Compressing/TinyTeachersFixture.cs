using Baize.Compression.Training;
using Baize.Corpus.Generation;
using Baize.Embedding;
using Baize.Embedding.Models;

namespace Baize.Compression.Tests.Compressing;

/// <summary>A tiny generated corpus and four tiny teachers trained on it and made active: what compression starts from.</summary>
public sealed class TinyTeachersFixture : IAsyncLifetime
{
    private static readonly GeneratorOptions TinyCorpus = new()
    {
        Seed = 9,
        Train = new SplitSize(16, 8),
        Validation = new SplitSize(8, 4),
        Test = new SplitSize(8, 4),
    };

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("baize-compression-");

    public string CorpusFolder => Path.Combine(_folder.FullName, "corpus");

    public string ModelsFolder => Path.Combine(_folder.FullName, "models");

    public string FeatureCache => Path.Combine(_folder.FullName, "features");

    public string Root => _folder.FullName;

    public async ValueTask InitializeAsync()
    {
        await new CorpusGenerator().GenerateAsync(CorpusFolder, TinyCorpus, null, CancellationToken.None);
        var options = new TeacherTrainingOptions(CorpusFolder, Path.Combine(Root, "teacher-work"), ModelsFolder, "tiny-teacher", Epochs: 1, SceneBatch: 8, ClipBatch: 4, WidthFactor: 0.25, FeatureCacheFolder: FeatureCache);
        await TeacherTrainer.TrainAsync(options, null, CancellationToken.None);
        var directory = new ModelDirectory(ModelsFolder);
        foreach (var modality in Enum.GetValues<Modality>())
        {
            directory.SetActive(modality, options.Version);
        }
    }

    public ValueTask DisposeAsync()
    {
        _folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}
