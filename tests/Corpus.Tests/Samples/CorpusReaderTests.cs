using Baize.Corpus.Samples;

namespace Baize.Corpus.Tests.Samples;

public sealed class CorpusReaderTests : IDisposable
{
    private const string ValidLine =
        """{"id":"train-scene-00000","split":"train","kind":"scene","caption":"a red sneaker on the left","image_path":"images/train-scene-00000.png","video_path":null,"audio_path":"audio/train-scene-00000.wav","attributes":{"items":[{"category":"Sneaker","colour":"red","position":"left","size":"small"}],"background":"dark","motion":null},"voice":"en-us"}""";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("baize-reader-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void Reader_reads_a_valid_split_and_resolves_paths_inside_it()
    {
        WriteCorpus(ValidLine + "\n");

        var reader = CorpusReader.Open(_root.FullName);
        var sample = Assert.Single(reader.ReadSplit(CorpusSplits.Train));

        Assert.Equal(SampleKind.Scene, sample.Kind);
        Assert.Equal(new SceneItem("Sneaker", "red", "left", "small"), Assert.Single(sample.Attributes.Items));
        Assert.Equal(Path.Combine(_root.FullName, "train", "images", "train-scene-00000.png"), reader.ResolvePath(sample, sample.ImagePath!));
        Assert.Throws<InvalidDataException>(() => reader.ResolvePath(sample, "../../etc/passwd"));
    }

    [Fact]
    public void Reader_rejects_a_malformed_line_naming_file_and_line()
    {
        WriteCorpus(ValidLine + "\n" + ValidLine.Replace("\"kind\":\"scene\"", "\"kind\":\"picture\"", StringComparison.Ordinal) + "\n");

        var error = Assert.Throws<InvalidDataException>(() => CorpusReader.Open(_root.FullName).ReadSplit(CorpusSplits.Train));

        Assert.Contains("samples.jsonl:2: malformed sample", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_rejects_a_line_missing_a_required_field()
    {
        WriteCorpus(ValidLine.Replace("\"caption\":\"a red sneaker on the left\",", string.Empty, StringComparison.Ordinal) + "\n");

        var error = Assert.Throws<InvalidDataException>(() => CorpusReader.Open(_root.FullName).ReadSplit(CorpusSplits.Train));

        Assert.Contains("samples.jsonl:1: malformed sample", error.Message, StringComparison.Ordinal);
        Assert.Contains("caption", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_rejects_a_scene_without_an_image()
    {
        WriteCorpus(ValidLine.Replace("\"image_path\":\"images/train-scene-00000.png\"", "\"image_path\":null", StringComparison.Ordinal) + "\n");

        var error = Assert.Throws<InvalidDataException>(() => CorpusReader.Open(_root.FullName).ReadSplit(CorpusSplits.Train));

        Assert.Contains("a scene has no image_path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_says_the_corpus_is_missing_when_there_is_no_manifest()
    {
        var error = Assert.Throws<InvalidDataException>(() => CorpusReader.Open(_root.FullName));

        Assert.Contains("corpus.json is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_rejects_an_unknown_split()
    {
        WriteCorpus(ValidLine + "\n");

        var error = Assert.Throws<ArgumentException>(() => CorpusReader.Open(_root.FullName).ReadSplit("holdout"));

        Assert.Contains("no split 'holdout'", error.Message, StringComparison.Ordinal);
    }

    private void WriteCorpus(string trainLines)
    {
        ManifestFile.Write(
            Path.Combine(_root.FullName, "corpus.json"),
            new CorpusManifest("1", 7, [new SplitManifest(CorpusSplits.Train, 1, 0, "unused")], [], DateTimeOffset.UnixEpoch));
        Directory.CreateDirectory(Path.Combine(_root.FullName, CorpusSplits.Train));
        File.WriteAllText(Path.Combine(_root.FullName, CorpusSplits.Train, "samples.jsonl"), trainLines);
    }
}
