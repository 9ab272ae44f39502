using Baize.BenchSupport;
using Baize.Compression.Compressing;
using Baize.Embedding;
using Baize.Embedding.Manifests;

namespace Baize.CompressionBench;

/// <summary>The command line. Paths are relative to the current directory, which <c>dotnet run</c> leaves unchanged.</summary>
public sealed record BenchmarkArguments : IBenchmarkArguments
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/Compression -- [options]

          --corpus DIR        generated corpus (default: data/corpus)
          --models DIR        models tree whose active versions are the teachers (default: models)
          --out-models DIR    models tree the teachers are linked into and the students written to
                              (default: data/bench-compression/models)
          --work DIR          one checkpoint folder per run; a rerun resumes or reuses it (default: data/bench-compression/work)
          --features DIR      cache of preprocessed inputs and teacher embeddings (default: data/training/teachers/features)
          --modalities LIST   comma-separated (default: text,image,audio,video)
          --targets LIST      comma-separated parameter ratios, each above 1 (default: 4,8)
          --methods LIST      comma-separated: dean, joint, prune, kd, scratch (default: all five)
          --steps N           optimiser steps per run, the same for every method (default: 300)
          --audio-steps N     optimiser steps per audio run (default: twice the --steps value)
          --seeds LIST        comma-separated seeds; every run is repeated once per seed and the goals are judged
                              on the means (default: 17)
          --batch N           items per step (default: 64)
          --video-batch N     items per step for video, whose items are 8-frame clips (default: 32)
          --threads N         ONNX Runtime intra-op threads for the serving measurement (default: the number of cores)
          --items N           real test items preprocessed per model as serving inputs (default: 32)
          --out FILE          JSON report; the Markdown goes next to it as .md (default: bench/results/compression.json)
          --help              show this text
        """;

    private static readonly CommandLineParser<BenchmarkArguments> Parser = new CommandLineParser<BenchmarkArguments>(a => a with { ShowHelp = true })
        .Value("--corpus", (a, v) => a with { Corpus = v.Text })
        .Value("--models", (a, v) => a with { ModelsTree = v.Text })
        .Value("--out-models", (a, v) => a with { StudentModelsTree = v.Text })
        .Value("--work", (a, v) => a with { Work = v.Text })
        .Value("--features", (a, v) => a with { Features = v.Text })
        .Value("--modalities", (a, v) => a with { Modalities = Names(v, ModalityNamed, "text, image, audio or video") })
        .Value("--targets", (a, v) => a with { Targets = Ratios(v) })
        .Value("--methods", (a, v) => a with { Methods = MethodList(v) })
        .Value("--steps", (a, v) => a with { Steps = v.Positive() })
        .Value("--audio-steps", (a, v) => a with { AudioSteps = v.Positive() })
        .Value("--seeds", (a, v) => a with { Seeds = [.. v.PositiveList().Distinct()] })
        .Value("--batch", (a, v) => a with { Batch = v.Positive() })
        .Value("--video-batch", (a, v) => a with { VideoBatch = v.Positive() })
        .Value("--threads", (a, v) => a with { IntraOpThreads = v.Positive() })
        .Value("--items", (a, v) => a with { PreprocessItems = v.Positive() })
        .Value("--out", (a, v) => a with { Output = v.Text });

    public string Corpus { get; init; } = Path.Combine("data", "corpus");

    /// <summary>Where the teachers are read; nothing is written here.</summary>
    public string ModelsTree { get; init; } = "models";

    /// <summary>The models folder Compressor is given: linked teachers and the students it writes.</summary>
    public string StudentModelsTree { get; init; } = Path.Combine("data", "bench-compression", "models");

    public string Work { get; init; } = Path.Combine("data", "bench-compression", "work");

    public string Features { get; init; } = Path.Combine("data", "training", "teachers", "features");

    public IReadOnlyList<Modality> Modalities { get; init; } = [Modality.Text, Modality.Image, Modality.Audio, Modality.Video];

    /// <summary>How many times fewer parameters than the teacher, e.g. 4 for "4x".</summary>
    public IReadOnlyList<int> Targets { get; init; } = [4, 8];

    public IReadOnlyList<CompressionMethod> Methods { get; init; } = Enum.GetValues<CompressionMethod>();

    public int Steps { get; init; } = 300;

    /// <summary>
    /// Steps of the audio runs, when not twice <see cref="Steps"/>: 300 steps are 1.6 passes over the 12,000
    /// recordings, and the students that do not start from the teacher learned almost nothing in them (BENCHMARKS.md).
    /// </summary>
    public int? AudioSteps { get; init; }

    /// <summary>
    /// One run per seed for every (modality, target, method). Single runs differ by about 2 points of Recall@1
    /// retention between seeds at 8x, as much as the methods differ (BENCHMARKS.md).
    /// </summary>
    public IReadOnlyList<int> Seeds { get; init; } = [CompressionSchedule.DefaultSeed];

    public int Batch { get; init; } = 64;

    /// <summary>A video item is 8 frames, so its batches are smaller to keep a step's memory and time near the others'.</summary>
    public int VideoBatch { get; init; } = 32;

    public int IntraOpThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Fewer than bench/Encoders' 64: a student keeps its teacher's preprocessing, so only the inference inputs matter
    /// here, and 32 fill a batch while halving the ffmpeg work repeated for each audio and video model.
    /// </summary>
    public int PreprocessItems { get; init; } = 32;

    public string Output { get; init; } = Path.Combine("bench", "results", "compression.json");

    public bool ShowHelp { get; init; }

    /// <summary>The Markdown rendering, beside the JSON report.</summary>
    public string MarkdownOutput => Path.ChangeExtension(Output, ".md");

    public int StepsFor(Modality modality) => modality == Modality.Audio ? AudioSteps ?? (2 * Steps) : Steps;

    /// <exception cref="ArgumentException">An option is unknown, lacks its value, or has an unusable value.</exception>
    public static BenchmarkArguments Parse(IReadOnlyList<string> args) => Parser.Parse(args, new BenchmarkArguments());

    /// <summary>Comma-separated method names, each once.</summary>
    /// <exception cref="ArgumentException">A name is not a method, or there is none.</exception>
    public static IReadOnlyList<CompressionMethod> MethodList(OptionValue value) => Names(value, MethodNamed, "dean, joint, prune, kd or scratch");

    private static Modality? ModalityNamed(string name) => ManifestJson.TryParseModality(name, out var modality) ? modality : null;

    private static CompressionMethod? MethodNamed(string name) =>
        Enum.GetValues<CompressionMethod>().Select(m => (CompressionMethod?)m).FirstOrDefault(m => string.Equals(m.ToString(), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Comma-separated names in the order given, each once.</summary>
    private static IReadOnlyList<T> Names<T>(OptionValue value, Func<string, T?> parse, string expected)
        where T : struct
    {
        T[] parsed = [.. value.Text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(name => parse(name) ?? throw new ArgumentException($"{value.Name} takes {expected}, not '{name}'."))
            .Distinct()];
        return parsed.Length > 0 ? parsed : throw new ArgumentException($"{value.Name} needs at least one name.");
    }

    private static IReadOnlyList<int> Ratios(OptionValue value)
    {
        var ratios = value.PositiveList();
        return ratios.All(r => r > 1) ? [.. ratios.Distinct()] : throw new ArgumentException($"{value.Name} needs ratios above 1, not '{value.Text}'.");
    }
}
