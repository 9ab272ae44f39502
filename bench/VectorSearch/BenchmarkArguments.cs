using System.Globalization;

namespace Baize.VectorSearch;

/// <summary>The command line. Paths are relative to the current directory, which <c>dotnet run</c> leaves unchanged.</summary>
public sealed record BenchmarkArguments
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

    private static readonly string[] ValueOptions = ["--sizes", "--queries", "--out", "--data", "--seed"];

    public IReadOnlyList<int> Sizes { get; init; } = [10_000, 100_000, 1_000_000];

    public int Queries { get; init; } = 300;

    public string Output { get; init; } = Path.Combine("bench", "results", "search-embedded.json");

    public string DataFolder { get; init; } = Path.GetTempPath();

    public int Seed { get; init; } = 42;

    public bool ShowHelp { get; init; }

    /// <exception cref="ArgumentException">An option is unknown, lacks its value, or has an unusable value.</exception>
    public static BenchmarkArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new BenchmarkArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            if (option is "--help" or "-h")
            {
                return result with { ShowHelp = true };
            }

            if (!ValueOptions.Contains(option))
            {
                throw new ArgumentException($"Unknown option '{option}'.");
            }

            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{option} needs a value.");
            result = option switch
            {
                "--sizes" => result with { Sizes = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => Positive(option, v))] },
                "--queries" => result with { Queries = Positive(option, value) },
                "--out" => result with { Output = value },
                "--data" => result with { DataFolder = value },
                "--seed" => result with { Seed = Positive(option, value) },
                _ => throw new ArgumentException($"Unknown option '{option}'."),
            };
        }

        return result.Sizes.Count == 0 ? throw new ArgumentException("--sizes needs at least one size.") : result;
    }

    private static int Positive(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{option} needs positive whole numbers, not '{value}'.");
}
