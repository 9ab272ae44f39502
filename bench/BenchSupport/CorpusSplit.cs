using System.Text.Json;

namespace Baize.BenchSupport;

/// <summary>One split of a generated corpus (<c>&lt;corpus&gt;/&lt;split&gt;/samples.jsonl</c> plus its media folders).</summary>
public sealed class CorpusSplit
{
    public const string SamplesFileName = "samples.jsonl";

    private CorpusSplit(string folder, IReadOnlyList<CorpusSample> samples)
    {
        Folder = folder;
        Samples = samples;
    }

    /// <summary>Full path of the split folder; media paths in the samples are relative to it.</summary>
    public string Folder { get; }

    /// <summary>Samples in file order.</summary>
    public IReadOnlyList<CorpusSample> Samples { get; }

    /// <exception cref="FileNotFoundException">The split has no samples.jsonl.</exception>
    /// <exception cref="InvalidDataException">A line is not a sample.</exception>
    public static CorpusSplit Load(string corpusFolder, string split)
    {
        var file = SamplesFile(corpusFolder, split);
        return TryLoad(corpusFolder, split) ?? throw new FileNotFoundException($"The corpus split '{split}' has no {SamplesFileName} at {file}.", file);
    }

    /// <returns>Null when the split has no samples.jsonl (no corpus, or not this split).</returns>
    /// <exception cref="InvalidDataException">A line is not a sample.</exception>
    public static CorpusSplit? TryLoad(string corpusFolder, string split)
    {
        var file = SamplesFile(corpusFolder, split);
        if (!File.Exists(file))
        {
            return null;
        }

        var samples = new List<CorpusSample>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                samples.Add(JsonSerializer.Deserialize(line, CorpusSampleJsonContext.Default.CorpusSample)
                    ?? throw new JsonException("The line is the JSON value null."));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{file}:{lineNumber} is not a corpus sample: {ex.Message}", ex);
            }
        }

        return new CorpusSplit(Path.GetDirectoryName(file)!, samples);
    }

    /// <summary>Full path of a media file named in a sample.</summary>
    public string MediaPath(string relative) => Path.Combine(Folder, relative);

    /// <summary>Full path of a media file named in a sample, or null when the sample names none or the file is missing.</summary>
    public string? ExistingMediaPath(string? relative) =>
        relative is not null && File.Exists(MediaPath(relative)) ? MediaPath(relative) : null;

    private static string SamplesFile(string corpusFolder, string split) => Path.GetFullPath(Path.Combine(corpusFolder, split, SamplesFileName));
}
