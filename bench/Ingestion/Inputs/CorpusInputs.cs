using System.Security.Cryptography;
using Baize.BenchSupport;
using Baize.Embedding;

namespace Baize.Ingestion.Inputs;

/// <summary>
/// Items from a generated corpus: test-split files first (spread evenly over samples.jsonl, so audio covers scenes and
/// clips), then validation and train when the test split has too few. The same bytes make the same item in Baize, so
/// files with identical content (and repeated captions) are taken once. Reading every file to hash it also warms the
/// page cache, so neither the raw encoder nor ingestion pays for the first read from disk.
/// </summary>
public static class CorpusInputs
{
    private static readonly string[] Splits = ["test", "validation", "train"];

    /// <returns>Null when the corpus has no item of this modality.</returns>
    public static ModalityInputs? Load(string corpusFolder, Modality modality, int count)
    {
        var picked = new List<InputItem>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var used = new List<string>();
        foreach (var split in Splits)
        {
            if (picked.Count == count)
            {
                break;
            }

            var candidates = Candidates(corpusFolder, split, modality);
            if (candidates.Count == 0)
            {
                continue;
            }

            used.Add(split);
            foreach (var item in EvenSpread.Pick(candidates, count - picked.Count).Concat(candidates))
            {
                if (picked.Count == count)
                {
                    break;
                }

                if (seen.Add(ContentKey(item)))
                {
                    picked.Add(item);
                }
            }
        }

        return picked.Count == 0 ? null : new ModalityInputs(modality, picked, $"corpus {string.Join(" + ", used)} split{(used.Count > 1 ? "s" : string.Empty)}");
    }

    private static List<InputItem> Candidates(string corpusFolder, string split, Modality modality)
    {
        if (CorpusSplit.TryLoad(corpusFolder, split) is not { } corpus)
        {
            return [];
        }

        var items = new List<InputItem>();
        foreach (var sample in corpus.Samples)
        {
            var item = modality switch
            {
                Modality.Text => string.IsNullOrWhiteSpace(sample.Caption) ? null : InputItem.Caption(items.Count, sample.Caption),
                Modality.Image => Media(corpus.ExistingMediaPath(sample.ImagePath), "image/png"),
                Modality.Audio => Media(corpus.ExistingMediaPath(sample.AudioPath), "audio/wav"),
                _ => Media(corpus.ExistingMediaPath(sample.VideoPath), "video/mp4"),
            };
            if (item is not null)
            {
                items.Add(item);
            }
        }

        return items;
    }

    private static InputItem? Media(string? path, string contentType) => path is null ? null : InputItem.File(path, contentType);

    private static string ContentKey(InputItem item) =>
        item.Path is { } path ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))) : "text:" + item.Text;
}
