using Baize.Corpus.Mnist;
using Baize.Corpus.Samples;

namespace Baize.Corpus.Generation;

/// <summary>What to generate. Seed and sizes define the corpus; the other options only affect how it is made.</summary>
public sealed record GeneratorOptions
{
    public int Seed { get; init; } = 42;

    public SplitSize Train { get; init; } = new(8000, 3000);

    public SplitSize Validation { get; init; } = new(500, 200);

    public SplitSize Test { get; init; } = new(1000, 400);

    /// <summary>Samples rendered at once; each runs espeak-ng (and ffmpeg for clips) as a child process.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Folder with the four Fashion-MNIST .gz files.</summary>
    public string FashionMnistDirectory { get; init; } = FashionMnist.DefaultDirectory;

    /// <summary>Regenerate even when the folder already holds a complete corpus with the same seed and sizes.</summary>
    public bool Force { get; init; }

    /// <summary>The sizes of a split by name.</summary>
    public SplitSize SizeOf(string split) => split switch
    {
        CorpusSplits.Train => Train,
        CorpusSplits.Validation => Validation,
        CorpusSplits.Test => Test,
        _ => throw new ArgumentException($"Unknown split '{split}'.", nameof(split)),
    };
}
