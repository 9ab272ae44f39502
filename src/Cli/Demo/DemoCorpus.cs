using System.Security.Cryptography;
using System.Text;
using Baize.Corpus.Generation;
using Baize.Corpus.Samples;
using Baize.Indexer.Ingestion;
using Baize.Indexer.Items;

namespace Baize.Cli.Demo;

/// <summary>
/// What <c>serve --demo</c> indexes: the test split of the generated FashionScenes corpus, every sample as up to four
/// items (caption text, image or video, and speech), each carrying the generated attributes in its metadata. Items
/// already in the catalogue are skipped, so a restart does not queue them again.
/// </summary>
public sealed class DemoCorpus(IngestionService ingestion, ItemCatalog catalog)
{
    private const string Split = CorpusSplits.Test;

    /// <summary>The corpus to index: the full one when <c>baize dataset generate</c> made it, otherwise a demo corpus
    /// with the default test split and token train/validation splits, generated now (a few minutes, once).</summary>
    public static async Task<CorpusReader> EnsureAsync(string corpusFolder, string demoFolder, CancellationToken cancellationToken)
    {
        try
        {
            return CorpusReader.Open(corpusFolder);
        }
        catch (InvalidDataException)
        {
            // No complete corpus there: fall through to the demo corpus.
        }

        var options = new GeneratorOptions { Train = new SplitSize(1, 1), Validation = new SplitSize(1, 1) };
        Console.WriteLine($"demo: generating the test split of FashionScenes into {demoFolder} (once; a few minutes) ...");
        await new CorpusGenerator().GenerateAsync(demoFolder, options, progress: null, cancellationToken);
        return CorpusReader.Open(demoFolder);
    }

    /// <returns>How many items were queued (items already known are not counted).</returns>
    public async Task<int> IndexAsync(CorpusReader corpus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var queued = 0;
        foreach (var sample in corpus.ReadSplit(Split))
        {
            var metadata = Metadata(sample);
            queued += await AddAsync(Encoding.UTF8.GetBytes(sample.Caption), $"{sample.Id}.txt", "text/plain", metadata, cancellationToken);
            foreach (var relative in new[] { sample.ImagePath, sample.VideoPath, sample.AudioPath })
            {
                if (relative is not null)
                {
                    var path = corpus.ResolvePath(sample, relative);
                    queued += await AddAsync(await File.ReadAllBytesAsync(path, cancellationToken), Path.GetFileName(path), null, metadata, cancellationToken);
                }
            }
        }

        return queued;
    }

    private async Task<int> AddAsync(byte[] content, string fileName, string? contentType, IReadOnlyDictionary<string, object> metadata, CancellationToken cancellationToken)
    {
        if (await catalog.GetItemAsync(ContentIdentity.ItemId(Convert.ToHexStringLower(SHA256.HashData(content))), cancellationToken) is not null)
        {
            return 0;
        }

        using var stream = new MemoryStream(content, writable: false);
        using var upload = await ingestion.PrepareAsync(stream, fileName, contentType, cancellationToken);
        await ingestion.AcceptAsync(upload, metadata, cancellationToken);
        return 1;
    }

    private static Dictionary<string, object> Metadata(CorpusSample sample)
    {
        var items = sample.Attributes.Items;
        var metadata = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["title"] = sample.Caption,
            ["source"] = "FashionScenes test split",
            ["sample"] = sample.Id,
            ["tags"] = items.Select(item => item.Category.ToLowerInvariant()).Concat(items.Select(item => item.Colour)).Distinct().ToArray<object>(),
            ["category"] = items.Select(item => item.Category.ToLowerInvariant()).Distinct().ToArray<object>(),
            ["colour"] = items.Select(item => item.Colour).Distinct().ToArray<object>(),
            ["position"] = items.Select(item => item.Position).Distinct().ToArray<object>(),
            ["background"] = sample.Attributes.Background,
        };
        if (sample.Attributes.Motion is { } motion)
        {
            metadata["motion"] = motion;
        }

        return metadata;
    }
}
