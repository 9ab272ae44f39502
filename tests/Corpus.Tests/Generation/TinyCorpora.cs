using Baize.Corpus.Generation;

namespace Baize.Corpus.Tests.Generation;

/// <summary>
/// Three tiny corpora generated with real espeak-ng, ffmpeg and Fashion-MNIST: two with the same seed
/// (generated independently) and one with another seed.
/// </summary>
public sealed class TinyCorpora : IAsyncLifetime
{
    public static GeneratorOptions Options { get; } = new()
    {
        Seed = 11,
        Train = new SplitSize(6, 4),
        Validation = new SplitSize(2, 2),
        Test = new SplitSize(6, 4),
    };

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("baize-corpus-");

    public string First => Path.Combine(_folder.FullName, "first");

    public string Second => Path.Combine(_folder.FullName, "second");

    public string OtherSeed => Path.Combine(_folder.FullName, "other-seed");

    public CorpusSummary FirstSummary { get; private set; } = null!;

    public List<CorpusProgress> FirstProgress { get; } = [];

    public async ValueTask InitializeAsync()
    {
        var generator = new CorpusGenerator();
        var progress = new SynchronousProgress(report =>
        {
            lock (FirstProgress)
            {
                FirstProgress.Add(report);
            }
        });
        FirstSummary = await generator.GenerateAsync(First, Options, progress, CancellationToken.None);
        await generator.GenerateAsync(Second, Options, null, CancellationToken.None);
        await generator.GenerateAsync(OtherSeed, Options with { Seed = 12 }, null, CancellationToken.None);
    }

    public ValueTask DisposeAsync()
    {
        _folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    // Progress<T> posts to the thread pool; this records reports before GenerateAsync returns.
    private sealed class SynchronousProgress(Action<CorpusProgress> report) : IProgress<CorpusProgress>
    {
        public void Report(CorpusProgress value) => report(value);
    }
}
