using System.Text.Json;
using System.Text.Json.Nodes;
using Baize.Embedding.Manifests;
using Baize.Embedding.Tests.Support;

namespace Baize.Embedding.Tests.Manifests;

public sealed class ManifestJsonTests
{
    [Fact]
    public void Manifest_is_written_in_snake_case_with_enums_as_lowercase_strings()
    {
        var manifest = TestModelFolders.Manifest(Modality.Text, "1.0.0", PreprocessingParameters.Default(Modality.Text));

        var json = JsonNode.Parse(ManifestJson.Serialize(manifest))!.AsObject();

        Assert.Equal(1, json["schema_version"]!.GetValue<int>());
        Assert.Equal("text", json["modality"]!.GetValue<string>());
        Assert.Equal("int64", json["inputs"]![0]!["element_type"]!.GetValue<string>());
        Assert.Equal("[-1,32]", json["inputs"]![0]!["shape"]!.ToJsonString());
        Assert.Equal("embedding", json["output"]!.GetValue<string>());
        Assert.Equal(["text"], json["preprocessing"]!.AsObject().Select(entry => entry.Key));
        Assert.Equal(32, json["preprocessing"]!["text"]!["max_tokens"]!.GetValue<int>());
        Assert.Equal("vocab.txt", json["preprocessing"]!["text"]!["vocabulary_file"]!.GetValue<string>());
        Assert.Null(json["lineage"]!["parent_id"]);
        Assert.NotNull(json["lineage"]!["created_utc"]);
        Assert.Equal(8, json["architecture"]!["config"]!["pool"]!.GetValue<int>());
        Assert.Equal(0.5, json["metrics"]!["recall_at_10"]!.GetValue<double>());
    }

    [Fact]
    public void Audio_preprocessing_is_written_without_its_derived_clip_duration()
    {
        var manifest = TestModelFolders.Manifest(Modality.Audio, "1.0.0", PreprocessingParameters.Default(Modality.Audio));

        var audio = JsonNode.Parse(ManifestJson.Serialize(manifest))!["preprocessing"]!["audio"]!.AsObject();

        Assert.Equal(
            ["sample_rate", "fft_size", "window_length", "hop_length", "mel_bins", "min_frequency", "max_frequency", "frames", "log_offset", "mean", "std"],
            audio.Select(p => p.Key));
    }

    [Theory]
    [InlineData(Modality.Text)]
    [InlineData(Modality.Image)]
    [InlineData(Modality.Audio)]
    [InlineData(Modality.Video)]
    public void Manifest_survives_a_round_trip(Modality modality)
    {
        var manifest = TestModelFolders.Manifest(modality, "3.2.1", PreprocessingParameters.Default(modality));

        var copy = ManifestJson.Deserialize(ManifestJson.Serialize(manifest));

        Assert.Equal(ManifestJson.Serialize(manifest), ManifestJson.Serialize(copy));
        Assert.Equal(manifest.Lineage, copy.Lineage);
        Assert.True(manifest.Inputs.Zip(copy.Inputs).All(pair => pair.First.Matches(pair.Second)));
    }

    [Theory]
    [InlineData("\"dimension\": 128,", "", "dimension")]
    [InlineData("\"id\": \"test-image\"", "\"id\": null", "id")]
    [InlineData("\"modality\": \"image\"", "\"modality\": 1", "modality")]
    [InlineData("\"element_type\": \"float32\"", "\"element_type\": \"float16\"", "element_type")]
    public void Missing_null_or_invalid_members_are_rejected(string original, string replacement, string member)
    {
        var json = ManifestJson.Serialize(TestModelFolders.Manifest(Modality.Image, "1.0.0", PreprocessingParameters.Default(Modality.Image)));
        Assert.Contains(original, json, StringComparison.Ordinal);

        var error = Assert.Throws<JsonException>(() => ManifestJson.Deserialize(json.Replace(original, replacement, StringComparison.Ordinal)));

        Assert.Contains(member, error.Message + error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_inputs_follow_the_preprocessing_parameters()
    {
        var preprocessing = new PreprocessingParameters { Video = new() { FrameCount = 4, Size = 32 } };

        var inputs = EncoderContract.Inputs(Modality.Video, preprocessing);

        var frames = Assert.Single(inputs);
        Assert.Equal("frames", frames.Name);
        Assert.Equal([-1L, 4, 3, 32, 32], frames.Shape);
        Assert.Throws<ArgumentException>(() => EncoderContract.Inputs(Modality.Audio, preprocessing));
    }
}
