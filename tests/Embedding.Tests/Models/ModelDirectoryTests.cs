using Baize.Embedding.Models;
using Baize.Embedding.Tests.Support;
using Baize.TestSupport;

namespace Baize.Embedding.Tests.Models;

public sealed class ModelDirectoryTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ModelDirectory _directory;

    public ModelDirectoryTests()
    {
        _directory = new ModelDirectory(_temp.Path);
    }

    [Fact]
    public async Task Set_active_points_active_json_at_a_validated_version()
    {
        await CreateAsync(Modality.Image, "1.0.0");
        await CreateAsync(Modality.Image, "1.1.0");

        _directory.SetActive(Modality.Image, "1.1.0", new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(["1.0.0", "1.1.0"], _directory.ListVersions(Modality.Image));
        Assert.Equal("1.1.0", _directory.GetActiveVersion(Modality.Image));
        Assert.Equal("1.1.0", _directory.LoadActive(Modality.Image)!.Version);
        var pointer = await File.ReadAllTextAsync(Path.Combine(_temp.Path, "image", "active.json"), TestContext.Current.CancellationToken);
        Assert.Contains("\"version\": \"1.1.0\"", pointer, StringComparison.Ordinal);
        Assert.Contains("\"activated_utc\": \"2025-06-01T00:00:00+00:00\"", pointer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_modality_without_a_pointer_has_nothing_active()
    {
        Assert.Null(_directory.GetActiveVersion(Modality.Audio));
        Assert.Null(_directory.LoadActive(Modality.Audio));
        Assert.Empty(_directory.ListVersions(Modality.Audio));
    }

    [Fact]
    public async Task Pointing_at_an_invalid_folder_leaves_the_pointer_unchanged()
    {
        await CreateAsync(Modality.Video, "1.0.0");
        await CreateAsync(Modality.Video, "2.0.0", TestOnnxModels.Video(dimension: 32));
        _directory.SetActive(Modality.Video, "1.0.0");

        Assert.Throws<ModelValidationException>(() => _directory.SetActive(Modality.Video, "2.0.0"));

        Assert.Equal("1.0.0", _directory.GetActiveVersion(Modality.Video));
    }

    [Fact]
    public async Task A_folder_whose_manifest_disagrees_with_its_place_is_rejected()
    {
        await CreateAsync(Modality.Audio, "1.0.0");
        Directory.Move(_directory.VersionPath(Modality.Audio, "1.0.0"), _directory.VersionPath(Modality.Audio, "9.9.9"));

        var error = Assert.Throws<ModelValidationException>(() => _directory.Load(Modality.Audio, "9.9.9"));

        Assert.Contains("version '1.0.0' but sits in audio/9.9.9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_pointer_is_reported_with_its_file_name()
    {
        Directory.CreateDirectory(_directory.ModalityPath(Modality.Text));
        await File.WriteAllTextAsync(Path.Combine(_directory.ModalityPath(Modality.Text), "active.json"), "{\"version\": \"../../etc\"}", TestContext.Current.CancellationToken);

        var error = Assert.Throws<ModelValidationException>(() => _directory.GetActiveVersion(Modality.Text));

        Assert.Equal("active.json", error.File);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData(" 1.0")]
    public void Versions_that_are_not_plain_folder_names_are_refused(string version)
    {
        Assert.Throws<ArgumentException>(() => _directory.VersionPath(Modality.Image, version));
    }

    public void Dispose() => _temp.Dispose();

    private Task<string> CreateAsync(Modality modality, string version, byte[]? onnx = null) =>
        TestModelFolders.CreateAsync(_directory.VersionPath(modality, version), modality, version, onnx, TestContext.Current.CancellationToken);
}
