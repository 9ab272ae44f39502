namespace Baize.Corpus.Samples;

/// <summary>Opens a generated corpus and reads its splits; every failure names the file and what is wrong.</summary>
public sealed class CorpusReader
{
    private CorpusReader(string root, CorpusManifest manifest)
    {
        Root = root;
        Manifest = manifest;
    }

    /// <summary>Absolute path of the corpus root folder.</summary>
    public string Root { get; }

    public CorpusManifest Manifest { get; }

    /// <exception cref="InvalidDataException">The folder holds no complete corpus, or corpus.json is malformed.</exception>
    public static CorpusReader Open(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        var fullRoot = Path.GetFullPath(root);
        return new CorpusReader(fullRoot, ManifestFile.Read(Path.Combine(fullRoot, CorpusFiles.Manifest)));
    }

    /// <exception cref="ArgumentException">The split is not one the manifest lists.</exception>
    /// <exception cref="InvalidDataException">samples.jsonl is missing or a line is malformed (the message names the line).</exception>
    public IReadOnlyList<CorpusSample> ReadSplit(string split)
    {
        if (!Manifest.Splits.Any(s => s.Name == split))
        {
            throw new ArgumentException(
                $"The corpus at {Root} has no split '{split}'; it has {string.Join(", ", Manifest.Splits.Select(s => s.Name))}.",
                nameof(split));
        }

        return SamplesFile.Read(Path.Combine(Root, split, CorpusFiles.Samples), split);
    }

    /// <summary>Absolute path of a file a sample refers to (e.g. its ImagePath), which must stay inside the split folder.</summary>
    public string ResolvePath(CorpusSample s, string relative)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentException.ThrowIfNullOrWhiteSpace(relative);
        var splitFolder = Path.Combine(Root, s.Split) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(Path.Combine(splitFolder, relative));
        return path.StartsWith(splitFolder, StringComparison.Ordinal)
            ? path
            : throw new InvalidDataException($"Sample {s.Id} refers to '{relative}', which lies outside its split folder {splitFolder}.");
    }
}
