using Baize.BenchSupport;
using Baize.Vectors;

namespace Baize.Api;

/// <summary>The command line. Paths are relative to the current directory, which <c>dotnet run</c> leaves unchanged.</summary>
public sealed record ApiArguments : IBenchmarkArguments
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/Api -- [options]

          --items N           points pre-populated in the image collection (default: 100000)
          --concurrency LIST  concurrent HTTP clients, one run each, comma-separated (default: 8,32)
          --requests N        timed requests per concurrency (default: 2000)
          --warmup N          untimed requests before each timed run, at the same concurrency (default: 200)
          --breakdown N       sequential in-process samples of embedding and search alone; 0 skips (default: 300)
          --real N            real corpus images embedded as the base vectors; 0 uses random unit Gaussians (default: 2000)
          --noise X           length of the random perturbation added to a base vector for the other points (default: 0.3)
          --top-k N           hits per query (default: 10)
          --quantization Q    none or int8: how the image collection scans (Indexer:Quantization) (default: int8, as the product)
          --models DIR        models tree served (default: models)
          --corpus DIR        generated corpus: images and captions (default: data/corpus)
          --seed N            seed of the perturbations, payloads and query order (default: 42)
          --out FILE          JSON report (default: bench/results/api.json)
          --help              show this text
        """;

    private static readonly CommandLineParser<ApiArguments> Parser = new CommandLineParser<ApiArguments>(a => a with { ShowHelp = true })
        .Value("--items", (a, v) => a with { Items = v.Positive() })
        .Value("--concurrency", (a, v) => a with { Concurrency = v.PositiveList() })
        .Value("--requests", (a, v) => a with { Requests = v.Positive() })
        .Value("--warmup", (a, v) => a with { Warmup = v.NonNegative() })
        .Value("--breakdown", (a, v) => a with { BreakdownSamples = v.NonNegative() })
        .Value("--real", (a, v) => a with { RealImages = v.NonNegative() })
        .Value("--noise", (a, v) => a with { Noise = v.NonNegativeNumber() })
        .Value("--top-k", (a, v) => a with { TopK = v.Positive() })
        .Value("--quantization", (a, v) => a with { Quantization = ParseQuantization(v.Text) })
        .Value("--models", (a, v) => a with { ModelsTree = v.Text })
        .Value("--corpus", (a, v) => a with { Corpus = v.Text })
        .Value("--seed", (a, v) => a with { Seed = v.NonNegative() })
        .Value("--out", (a, v) => a with { Output = v.Text });

    public int Items { get; init; } = 100_000;

    public IReadOnlyList<int> Concurrency { get; init; } = [8, 32];

    public int Requests { get; init; } = 2000;

    public int Warmup { get; init; } = 200;

    public int BreakdownSamples { get; init; } = 300;

    public int RealImages { get; init; } = 2000;

    public double Noise { get; init; } = 0.3;

    public int TopK { get; init; } = 10;

    public VectorQuantization Quantization { get; init; } = VectorQuantization.Int8;

    public string ModelsTree { get; init; } = "models";

    public string Corpus { get; init; } = Path.Combine("data", "corpus");

    public int Seed { get; init; } = 42;

    public string Output { get; init; } = Path.Combine("bench", "results", "api.json");

    public bool ShowHelp { get; init; }

    /// <exception cref="ArgumentException">An option is unknown, lacks its value, or has an unusable value.</exception>
    public static ApiArguments Parse(IReadOnlyList<string> args) => Parser.Parse(args, new ApiArguments());

    private static VectorQuantization ParseQuantization(string value) => value.ToLowerInvariant() switch
    {
        "none" => VectorQuantization.None,
        "int8" => VectorQuantization.Int8,
        _ => throw new ArgumentException($"--quantization is none or int8, not '{value}'."),
    };
}
