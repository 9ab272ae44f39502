using Baize.BenchSupport;

namespace Baize.Encoders;

/// <summary>The command line. Paths are relative to the current directory, which <c>dotnet run</c> leaves unchanged.</summary>
public sealed record BenchmarkArguments : IBenchmarkArguments
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/Encoders -- [options]

          --models DIR      models tree; the active version of each modality is measured (default: models)
          --model FOLDER    measure this model folder instead; repeat for several (overrides --models)
          --corpus DIR      generated corpus (default: data/corpus)
          --split NAME      split whose items are preprocessed and embedded (default: test)
          --out FILE        JSON report (default: bench/results/encoders.json)
          --threads N       ONNX Runtime intra-op threads (default: the number of cores)
          --items N         real items preprocessed per modality (default: 64)
          --help            show this text
        """;

    private static readonly CommandLineParser<BenchmarkArguments> Parser = new CommandLineParser<BenchmarkArguments>(a => a with { ShowHelp = true })
        .Value("--models", (a, v) => a with { ModelsTree = v.Text })
        .Value("--model", (a, v) => a with { ModelFolders = [.. a.ModelFolders, v.Text] })
        .Value("--corpus", (a, v) => a with { Corpus = v.Text })
        .Value("--split", (a, v) => a with { Split = v.Text })
        .Value("--out", (a, v) => a with { Output = v.Text })
        .Value("--threads", (a, v) => a with { IntraOpThreads = v.Positive() })
        .Value("--items", (a, v) => a with { PreprocessItems = v.Positive() });

    public string ModelsTree { get; init; } = "models";

    public IReadOnlyList<string> ModelFolders { get; init; } = [];

    public string Corpus { get; init; } = Path.Combine("data", "corpus");

    public string Split { get; init; } = "test";

    public string Output { get; init; } = Path.Combine("bench", "results", "encoders.json");

    public int IntraOpThreads { get; init; } = Environment.ProcessorCount;

    public int PreprocessItems { get; init; } = 64;

    public bool ShowHelp { get; init; }

    /// <exception cref="ArgumentException">An option is unknown, lacks its value, or has an unusable value.</exception>
    public static BenchmarkArguments Parse(IReadOnlyList<string> args) => Parser.Parse(args, new BenchmarkArguments());
}
