using Baize.BenchSupport;

namespace Baize.Api.Inputs;

/// <summary>Reads captions and images from a generated corpus; a missing corpus or split reads as empty.</summary>
public static class CorpusReader
{
    /// <summary>Splits whose images become base vectors, in this order: the held-out test images first.</summary>
    private static readonly string[] ImageSplits = ["test", "train"];

    /// <summary>Distinct captions of the split, in file order.</summary>
    public static IReadOnlyList<string> Captions(string corpusFolder, string split) =>
        [.. (CorpusSplit.TryLoad(corpusFolder, split)?.Samples ?? [])
            .Select(sample => sample.Caption)
            .Where(caption => !string.IsNullOrWhiteSpace(caption))
            .Distinct(StringComparer.Ordinal)];

    /// <summary>Up to <paramref name="count"/> images from <see cref="ImageSplits"/>, each file once.</summary>
    public static IReadOnlyList<CorpusImage> Images(string corpusFolder, int count)
    {
        var images = new List<CorpusImage>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var split in ImageSplits.Select(name => CorpusSplit.TryLoad(corpusFolder, name)).OfType<CorpusSplit>())
        {
            foreach (var sample in split.Samples)
            {
                if (images.Count == count)
                {
                    return images;
                }

                if (split.ExistingMediaPath(sample.ImagePath) is { } path && seen.Add(path))
                {
                    images.Add(new CorpusImage(path, sample.Caption));
                }
            }
        }

        return images;
    }
}
