using Baize.Embedding.Models;
using Baize.Embedding.Tests.Support;
using Baize.TestSupport;

namespace Baize.Embedding.Tests.Models;

public sealed class ModelFolderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData(Modality.Text)]
    [InlineData(Modality.Image)]
    [InlineData(Modality.Audio)]
    [InlineData(Modality.Video)]
    public async Task Valid_folder_loads_for_every_modality(Modality modality)
    {
        var path = await TestModelFolders.CreateAsync(_temp.File("model"), modality, "2.1.0", cancellationToken: TestContext.Current.CancellationToken);

        var folder = ModelFolder.Load(path);

        Assert.Equal(modality, folder.Modality);
        Assert.Equal("2.1.0", folder.Version);
        Assert.Equal(TestModelFolders.Dimension, folder.Manifest.Dimension);
        Assert.Equal(modality == Modality.Text, folder.VocabularyPath is not null);
    }

    [Fact]
    public async Task Load_rejects_a_file_whose_hash_differs_from_the_manifest()
    {
        var path = await TestModelFolders.CreateAsync(_temp.File("model"), Modality.Image, cancellationToken: TestContext.Current.CancellationToken);
        await File.AppendAllTextAsync(Path.Combine(path, ModelFolder.WeightsFileName), "tampered", TestContext.Current.CancellationToken);

        var error = Assert.Throws<ModelValidationException>(() => ModelFolder.Load(path));

        Assert.Equal(ModelFolder.WeightsFileName, error.File);
        Assert.Contains("SHA-256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_rejects_a_listed_file_that_is_missing()
    {
        var path = await TestModelFolders.CreateAsync(_temp.File("model"), Modality.Text, cancellationToken: TestContext.Current.CancellationToken);
        File.Delete(Path.Combine(path, "vocab.txt"));

        var error = Assert.Throws<ModelValidationException>(() => ModelFolder.Load(path));

        Assert.Equal("vocab.txt", error.File);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_rejects_a_model_whose_output_dimension_differs_from_the_manifest()
    {
        var path = await TestModelFolders.CreateAsync(_temp.File("model"), Modality.Image, onnx: TestOnnxModels.Image(dimension: 64), cancellationToken: TestContext.Current.CancellationToken);

        var error = Assert.Throws<ModelValidationException>(() => ModelFolder.Load(path));

        Assert.Equal(ModelFolder.ModelFileName, error.File);
        Assert.Contains("'embedding' has shape [-1, 64]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[-1, 128]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_rejects_a_model_with_a_wrong_input_name()
    {
        var path = await TestModelFolders.CreateAsync(_temp.File("model"), Modality.Image, onnx: TestOnnxModels.Image(inputName: "pixel"), cancellationToken: TestContext.Current.CancellationToken);

        var error = Assert.Throws<ModelValidationException>(() => ModelFolder.Load(path));

        Assert.Equal(ModelFolder.ModelFileName, error.File);
        Assert.Contains("has no input 'pixels'", error.Message, StringComparison.Ordinal);
        Assert.Contains("pixel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_rejects_a_model_whose_input_shape_differs_from_the_preprocessing()
    {
        var path = await TestModelFolders.CreateAsync(_temp.File("model"), Modality.Audio, onnx: TestOnnxModels.Audio(frames: 200), cancellationToken: TestContext.Current.CancellationToken);

        var error = Assert.Throws<ModelValidationException>(() => ModelFolder.Load(path));

        Assert.Equal(ModelFolder.ModelFileName, error.File);
        Assert.Contains("input 'log_mel' has shape [-1, 1, 64, 200]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_rejects_bytes_that_are_not_an_onnx_model()
    {
        var path = await TestModelFolders.CreateAsync(_temp.File("model"), Modality.Video, onnx: [1, 2, 3, 4, 5], cancellationToken: TestContext.Current.CancellationToken);

        var error = Assert.Throws<ModelValidationException>(() => ModelFolder.Load(path));

        Assert.Equal(ModelFolder.ModelFileName, error.File);
        Assert.Contains("cannot be loaded by ONNX Runtime", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_rejects_a_manifest_with_an_unknown_member()
    {
        var path = await TestModelFolders.CreateAsync(_temp.File("model"), Modality.Image, cancellationToken: TestContext.Current.CancellationToken);
        var manifestPath = Path.Combine(path, ModelFolder.ManifestFileName);
        var json = await File.ReadAllTextAsync(manifestPath, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(manifestPath, json.Replace("\"dimension\"", "\"dimention\"", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var error = Assert.Throws<ModelValidationException>(() => ModelFolder.Load(path));

        Assert.Equal(ModelFolder.ManifestFileName, error.File);
        Assert.Contains("dimention", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_rejects_a_manifest_whose_inputs_disagree_with_its_preprocessing()
    {
        var path = await TestModelFolders.CreateAsync(_temp.File("model"), Modality.Image, cancellationToken: TestContext.Current.CancellationToken);
        var manifestPath = Path.Combine(path, ModelFolder.ManifestFileName);
        var json = await File.ReadAllTextAsync(manifestPath, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(manifestPath, json.Replace("\"size\": 64", "\"size\": 32", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var error = Assert.Throws<ModelValidationException>(() => ModelFolder.Load(path));

        Assert.Equal(ModelFolder.ManifestFileName, error.File);
        Assert.Contains("input 'pixels' is declared as float32 [-1, 3, 64, 64]; preprocessing.image produces float32 [-1, 3, 32, 32]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_rejects_a_vocabulary_without_the_special_tokens()
    {
        var path = await TestModelFolders.CreateAsync(_temp.File("model"), Modality.Text, cancellationToken: TestContext.Current.CancellationToken);
        var manifestPath = Path.Combine(path, ModelFolder.ManifestFileName);
        var manifest = Baize.Embedding.Manifests.ManifestJson.Deserialize(await File.ReadAllTextAsync(manifestPath, TestContext.Current.CancellationToken));
        await File.WriteAllTextAsync(Path.Combine(path, "vocab.txt"), "red\nshirt\n", TestContext.Current.CancellationToken);
        await ManifestWriter.WriteAsync(path, manifest, TestContext.Current.CancellationToken);

        var error = Assert.Throws<ModelValidationException>(() => ModelFolder.Load(path));

        Assert.Equal("vocab.txt", error.File);
    }

    public void Dispose() => _temp.Dispose();
}
