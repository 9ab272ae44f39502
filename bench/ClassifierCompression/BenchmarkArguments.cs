using System.Globalization;
using Baize.BenchSupport;
using Baize.Compression.Compressing;

namespace Baize.ClassifierBench;

/// <summary>The command line. Paths are relative to the current directory, which <c>dotnet run</c> leaves unchanged.</summary>
public sealed record BenchmarkArguments : IBenchmarkArguments
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/ClassifierCompression -- [options]

          --fashion-mnist DIR  the dataset's IDX files (default: /usr/share/datasets/fashion-mnist)
          --work DIR           the teacher and one checkpoint folder per run; a rerun reuses them
                               (default: data/bench-classifier)
          --train-items N      training images, the first of the training file; the last 5,000 are
                               held out (default: 20000)
          --teacher-epochs N   epochs of the teacher's training (default: 4)
          --targets LIST       comma-separated FLOPs fractions of the teacher, each in (0, 1) (default: 0.5,0.25)
          --methods LIST       comma-separated: dean, joint, prune, kd, scratch (default: all five)
          --steps N            optimiser steps per run, the same for every method (default: 400)
          --batch N            images per step (default: 64)
          --out FILE           JSON report; the Markdown goes next to it as .md
                               (default: bench/results/classifier-compression.json)
          --help               show this text
        """;

    /// <summary>Held out from the end of the training file for the dean's meta-updates and the sparsability probe.</summary>
    public const int ValidationItems = 5000;

    /// <summary>The whole test file.</summary>
    public const int TestItems = 10000;

    private static readonly CommandLineParser<BenchmarkArguments> Parser = new CommandLineParser<BenchmarkArguments>(a => a with { ShowHelp = true })
        .Value("--fashion-mnist", (a, v) => a with { FashionMnist = v.Text })
        .Value("--work", (a, v) => a with { Work = v.Text })
        .Value("--train-items", (a, v) => a with { TrainItems = v.Positive() })
        .Value("--teacher-epochs", (a, v) => a with { TeacherEpochs = v.Positive() })
        .Value("--targets", (a, v) => a with { Targets = Fractions(v) })
        .Value("--methods", (a, v) => a with { Methods = CompressionBench.BenchmarkArguments.MethodList(v) })
        .Value("--steps", (a, v) => a with { Steps = v.Positive() })
        .Value("--batch", (a, v) => a with { Batch = v.Positive() })
        .Value("--out", (a, v) => a with { Output = v.Text });

    public string FashionMnist { get; init; } = Corpus.Mnist.FashionMnist.DefaultDirectory;

    public string Work { get; init; } = Path.Combine("data", "bench-classifier");

    public int TrainItems { get; init; } = 20000;

    public int TeacherEpochs { get; init; } = 4;

    public IReadOnlyList<double> Targets { get; init; } = [0.5, 0.25];

    public IReadOnlyList<CompressionMethod> Methods { get; init; } = Enum.GetValues<CompressionMethod>();

    public int Steps { get; init; } = 400;

    public int Batch { get; init; } = 64;

    public string Output { get; init; } = Path.Combine("bench", "results", "classifier-compression.json");

    public bool ShowHelp { get; init; }

    /// <summary>The Markdown rendering, beside the JSON report.</summary>
    public string MarkdownOutput => Path.ChangeExtension(Output, ".md");

    /// <exception cref="ArgumentException">An option is unknown, lacks its value, or has an unusable value.</exception>
    public static BenchmarkArguments Parse(IReadOnlyList<string> args) => Parser.Parse(args, new BenchmarkArguments());

    private static IReadOnlyList<double> Fractions(OptionValue value)
    {
        var parts = value.Text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        double[] fractions = [.. parts.Select(part => double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f > 0 && f < 1
            ? f
            : throw new ArgumentException($"{value.Name} takes fractions between 0 and 1, not '{part}'."))];
        return fractions.Length > 0 ? [.. fractions.Distinct()] : throw new ArgumentException($"{value.Name} needs at least one fraction.");
    }
}
