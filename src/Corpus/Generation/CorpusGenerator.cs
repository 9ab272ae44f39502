using System.Security.Cryptography;
using Baize.Corpus.Captions;
using Baize.Corpus.Mnist;
using Baize.Corpus.Samples;

namespace Baize.Corpus.Generation;

/// <summary>
/// Generates the FashionScenes corpus: scenes and clips of real Fashion-MNIST items with captions spoken by
/// espeak-ng, in train, validation and test splits. The same seed and sizes give the same bytes.
/// </summary>
public sealed class CorpusGenerator
{
    /// <summary>Changes whenever the same options would produce different content.</summary>
    public const string GeneratorVersion = "1";

    private readonly TimeProvider _time;

    public CorpusGenerator(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// Generates the corpus into <paramref name="root"/>, unless a complete corpus with the same seed, sizes and
    /// generator version is already there (then nothing is done and <see cref="CorpusSummary.Generated"/> is false).
    /// Otherwise the split folders and corpus.json are replaced; corpus.json is written last.
    /// </summary>
    /// <param name="root">The corpus folder, e.g. data/corpus; created when missing.</param>
    /// <param name="options">Seed, sizes and how to generate.</param>
    /// <param name="progress">Reports come from worker threads, possibly out of order.</param>
    /// <param name="ct">Stops generation; the folder is then left without corpus.json, so it counts as no corpus.</param>
    public async Task<CorpusSummary> GenerateAsync(
        string root,
        GeneratorOptions options,
        IProgress<CorpusProgress>? progress,
        CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var started = _time.GetTimestamp();
        var fullRoot = Path.GetFullPath(root);
        var manifestPath = Path.Combine(fullRoot, CorpusFiles.Manifest);
        if (!options.Force && ManifestFile.TryRead(manifestPath) is { } existing && Matches(existing, options))
        {
            return new CorpusSummary(fullRoot, Generated: false, existing, _time.GetElapsedTime(started));
        }

        Clear(fullRoot, manifestPath);
        progress?.Report(new CorpusProgress("loading", 0, 2));
        var trainImages = FashionMnist.ReadTrain(options.FashionMnistDirectory);
        var testImages = FashionMnist.ReadTest(options.FashionMnistDirectory);
        progress?.Report(new CorpusProgress("loading", 2, 2));

        var planner = new SamplePlanner(options.Seed, new ImagePools(trainImages.Labels, testImages.Labels));
        var plans = CorpusSplits.All.ToDictionary(split => split, split => planner.PlanSplit(split, options.SizeOf(split)));
        var splits = new List<SplitManifest>();
        foreach (var split in CorpusSplits.All)
        {
            var images = split == CorpusSplits.Test ? testImages : trainImages;
            var samples = await RenderSplitAsync(Path.Combine(fullRoot, split), split, plans[split], images, options, progress, ct);
            var jsonl = SamplesFile.Serialize(samples);
            await File.WriteAllBytesAsync(Path.Combine(fullRoot, split, CorpusFiles.Samples), jsonl, ct);
            var size = options.SizeOf(split);
            splits.Add(new SplitManifest(split, size.Scenes, size.Clips, Convert.ToHexStringLower(SHA256.HashData(jsonl))));
        }

        var manifest = new CorpusManifest(
            GeneratorVersion,
            options.Seed,
            splits,
            TestWordsMissingFromTrain(plans[CorpusSplits.Train], plans[CorpusSplits.Test]),
            _time.GetUtcNow());
        ManifestFile.Write(manifestPath, manifest);
        return new CorpusSummary(fullRoot, Generated: true, manifest, _time.GetElapsedTime(started));
    }

    private static async Task<CorpusSample[]> RenderSplitAsync(
        string splitFolder,
        string split,
        IReadOnlyList<SamplePlan> plans,
        FashionMnistImages images,
        GeneratorOptions options,
        IProgress<CorpusProgress>? progress,
        CancellationToken ct)
    {
        var renderer = new SampleRenderer(images, splitFolder);
        renderer.PrepareFolders();
        var samples = new CorpusSample[plans.Count];
        var done = 0;
        progress?.Report(new CorpusProgress(split, 0, plans.Count));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, plans.Count), parallel, async (index, token) =>
        {
            samples[index] = await renderer.RenderAsync(plans[index], token);
            progress?.Report(new CorpusProgress(split, Interlocked.Increment(ref done), plans.Count));
        });
        return samples;
    }

    private static List<string> TestWordsMissingFromTrain(IReadOnlyList<SamplePlan> train, IReadOnlyList<SamplePlan> test)
    {
        var trainWords = train.SelectMany(plan => CaptionWords.Of(plan.Caption)).ToHashSet(StringComparer.Ordinal);
        return [.. test.SelectMany(plan => CaptionWords.Of(plan.Caption)).Where(word => !trainWords.Contains(word)).Distinct().Order(StringComparer.Ordinal)];
    }

    private static bool Matches(CorpusManifest manifest, GeneratorOptions options) =>
        manifest.GeneratorVersion == GeneratorVersion
        && manifest.Seed == options.Seed
        && manifest.Splits.Count == CorpusSplits.All.Count
        && manifest.Splits.All(split => CorpusSplits.All.Contains(split.Name) && options.SizeOf(split.Name) == new SplitSize(split.Scenes, split.Clips));

    // Only what the generator itself writes is removed; anything else under the root is left alone.
    private static void Clear(string root, string manifestPath)
    {
        Directory.CreateDirectory(root);
        File.Delete(manifestPath);
        foreach (var split in CorpusSplits.All)
        {
            var folder = Path.Combine(root, split);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static void Validate(GeneratorOptions options)
    {
        foreach (var split in CorpusSplits.All)
        {
            var size = options.SizeOf(split);
            if (size.Scenes < 0 || size.Clips < 0 || size.Scenes > 99_999 || size.Clips > 99_999)
            {
                throw new ArgumentException($"The {split} split must hold 0 to 99,999 scenes and clips, not {size.Scenes} and {size.Clips}.", nameof(options));
            }
        }

        if (options.MaxDegreeOfParallelism < 1)
        {
            throw new ArgumentException($"MaxDegreeOfParallelism must be at least 1, not {options.MaxDegreeOfParallelism}.", nameof(options));
        }
    }
}
