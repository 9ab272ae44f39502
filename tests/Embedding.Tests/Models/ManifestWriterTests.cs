using System.Security.Cryptography;
using Baize.Embedding.Models;
using Baize.Embedding.Tests.Support;
using Baize.TestSupport;

namespace Baize.Embedding.Tests.Models;

public sealed class ManifestWriterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Every_file_but_the_manifest_is_hashed_with_forward_slash_paths()
    {
        var path = await TestModelFolders.CreateAsync(_temp.File("model"), Modality.Text, cancellationToken: TestContext.Current.CancellationToken);
        Directory.CreateDirectory(Path.Combine(path, "extra"));
        await File.WriteAllTextAsync(Path.Combine(path, "extra", "notes.md"), "notes", TestContext.Current.CancellationToken);
        var manifest = ModelFolder.Load(path).Manifest;

        var written = await ManifestWriter.WriteAsync(path, manifest, TestContext.Current.CancellationToken);

        Assert.Equal(["extra/notes.md", "model.onnx", "vocab.txt", "weights.dat"], written.Files.Keys);
        var onnx = await File.ReadAllBytesAsync(Path.Combine(path, "model.onnx"), TestContext.Current.CancellationToken);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(onnx)), written.Files["model.onnx"]);
        Assert.Equal(written.Files, ModelFolder.Load(path).Manifest.Files);
        Assert.False(File.Exists(Path.Combine(path, "manifest.json.tmp")));
    }

    [Fact]
    public async Task Writing_before_the_model_exists_is_refused()
    {
        var manifest = TestModelFolders.Manifest(Modality.Image, "1.0.0", Baize.Embedding.Manifests.PreprocessingParameters.Default(Modality.Image));

        var error = await Assert.ThrowsAsync<ModelValidationException>(() => ManifestWriter.WriteAsync(_temp.Path, manifest, TestContext.Current.CancellationToken));

        Assert.Equal(ModelFolder.ModelFileName, error.File);
    }

    public void Dispose() => _temp.Dispose();
}
