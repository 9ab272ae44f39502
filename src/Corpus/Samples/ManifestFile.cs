using System.Text.Json;

namespace Baize.Corpus.Samples;

/// <summary>Reads and writes corpus.json (indented, for people who open it).</summary>
internal static class ManifestFile
{
    public static void Write(string path, CorpusManifest manifest) =>
        File.WriteAllText(path, JsonSerializer.Serialize(manifest, CorpusJson.Indented.CorpusManifest) + "\n");

    public static CorpusManifest? TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? Read(path) : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    public static CorpusManifest Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"No corpus at {Path.GetDirectoryName(path)}: {CorpusFiles.Manifest} is missing. Run `./baize dataset generate` first.");
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), CorpusJsonContext.Default.CorpusManifest)
                ?? throw new InvalidDataException($"{path} holds JSON null, not a corpus manifest.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path} is not a valid corpus manifest: {exception.Message}", exception);
        }
    }
}
