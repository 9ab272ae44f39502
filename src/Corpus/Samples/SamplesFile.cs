using System.Text;
using System.Text.Json;

namespace Baize.Corpus.Samples;

/// <summary>Reads and writes samples.jsonl: one compact JSON object per line, UTF-8 without BOM, LF line ends.</summary>
internal static class SamplesFile
{
    public static byte[] Serialize(IEnumerable<CorpusSample> samples)
    {
        var builder = new StringBuilder();
        foreach (var sample in samples)
        {
            builder.Append(JsonSerializer.Serialize(sample, CorpusJson.Compact.CorpusSample)).Append('\n');
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(builder.ToString());
    }

    public static IReadOnlyList<CorpusSample> Read(string path, string expectedSplit)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"The corpus split file {path} does not exist; generate the corpus first.");
        }

        var samples = new List<CorpusSample>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            samples.Add(Validate(Parse(line, path, lineNumber), expectedSplit, path, lineNumber));
        }

        return samples;
    }

    private static CorpusSample Parse(string line, string path, int lineNumber)
    {
        try
        {
            return JsonSerializer.Deserialize(line, CorpusJsonContext.Default.CorpusSample)
                ?? throw new InvalidDataException($"{path}:{lineNumber}: the line is JSON null, not a sample.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path}:{lineNumber}: malformed sample: {exception.Message}", exception);
        }
    }

    private static CorpusSample Validate(CorpusSample sample, string expectedSplit, string path, int lineNumber)
    {
        var problem = sample switch
        {
            _ when sample.Split != expectedSplit => $"split is '{sample.Split}', expected '{expectedSplit}'",
            { Kind: SampleKind.Scene, ImagePath: null } => "a scene has no image_path",
            { Kind: SampleKind.Clip, VideoPath: null } => "a clip has no video_path",
            _ when sample.Attributes.Items.Count is < 1 or > 2 => "attributes must hold one or two items",
            _ => null,
        };
        return problem is null ? sample : throw new InvalidDataException($"{path}:{lineNumber}: malformed sample {sample.Id}: {problem}.");
    }
}
