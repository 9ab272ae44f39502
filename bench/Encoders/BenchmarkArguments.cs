using System.Globalization;

namespace Baize.Encoders;

/// <summary>The command line. Paths are relative to the current directory, which <c>dotnet run</c> leaves unchanged.</summary>
public sealed record BenchmarkArguments
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

    private static readonly string[] ValueOptions = ["--models", "--model", "--corpus", "--split", "--out", "--threads", "--items"];

    public string ModelsTree { get; init; } = "models";

    public IReadOnlyList<string> ModelFolders { get; init; } = [];

    public string Corpus { get; init; } = Path.Combine("data", "corpus");

    public string Split { get; init; } = "test";

    public string Output { get; init; } = Path.Combine("bench", "results", "encoders.json");

    public int IntraOpThreads { get; init; } = Environment.ProcessorCount;

    public int PreprocessItems { get; init; } = 64;

    public bool ShowHelp { get; init; }

    /// <exception cref="ArgumentException">An option is unknown, lacks its value, or has an unusable value.</exception>
    public static BenchmarkArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new BenchmarkArguments();
        var folders = new List<string>();
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
            if (option == "--model")
            {
                folders.Add(value);
                continue;
            }

            result = option switch
            {
                "--models" => result with { ModelsTree = value },
                "--corpus" => result with { Corpus = value },
                "--split" => result with { Split = value },
                "--out" => result with { Output = value },
                "--threads" => result with { IntraOpThreads = Positive(option, value) },
                "--items" => result with { PreprocessItems = Positive(option, value) },
                _ => throw new ArgumentException($"Unknown option '{option}'."),
            };
        }

        return result with { ModelFolders = folders };
    }

    private static int Positive(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{option} needs a positive whole number, not '{value}'.");
}
