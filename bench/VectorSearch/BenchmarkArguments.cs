using Baize.BenchSupport;

namespace Baize.VectorSearch;

/// <summary>The command line. Paths are relative to the current directory, which <c>dotnet run</c> leaves unchanged.</summary>
public sealed record BenchmarkArguments : IBenchmarkArguments
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/VectorSearch -- [options]

          --sizes N,N,...   collection sizes to measure (default: 10000,100000,1000000)
          --queries N       timed queries per size and mode (default: 300)
          --out FILE        JSON report (default: bench/results/search-embedded.json)
          --data DIR        folder for the temporary databases, deleted afterwards (default: the system temp folder)
          --seed N          seed of the generated vectors and queries (default: 42)
          --help            show this text
        """;

    private static readonly CommandLineParser<BenchmarkArguments> Parser = new CommandLineParser<BenchmarkArguments>(a => a with { ShowHelp = true })
        .Value("--sizes", (a, v) => a with { Sizes = v.PositiveList() })
        .Value("--queries", (a, v) => a with { Queries = v.Positive() })
        .Value("--out", (a, v) => a with { Output = v.Text })
        .Value("--data", (a, v) => a with { DataFolder = v.Text })
        .Value("--seed", (a, v) => a with { Seed = v.Positive() });

    public IReadOnlyList<int> Sizes { get; init; } = [10_000, 100_000, 1_000_000];

    public int Queries { get; init; } = 300;

    public string Output { get; init; } = Path.Combine("bench", "results", "search-embedded.json");

    public string DataFolder { get; init; } = Path.GetTempPath();

    public int Seed { get; init; } = 42;

    public bool ShowHelp { get; init; }

    /// <exception cref="ArgumentException">An option is unknown, lacks its value, or has an unusable value.</exception>
    public static BenchmarkArguments Parse(IReadOnlyList<string> args) => Parser.Parse(args, new BenchmarkArguments());
}
