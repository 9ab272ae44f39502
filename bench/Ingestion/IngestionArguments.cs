using Baize.BenchSupport;
using Baize.Embedding;

namespace Baize.Ingestion;

/// <summary>The command line. Paths are relative to the current directory, which <c>dotnet run</c> leaves unchanged.</summary>
public sealed record IngestionArguments : IBenchmarkArguments
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/Ingestion -- [options]

          --items N                items per modality (default: 300)
          --modalities LIST        comma-separated, in run order (default: image,audio,video,text)
          --upload-concurrency N   concurrent upload requests, one file each (default: 4)
          --warmup N               generated items ingested untimed before each modality's run (default: 4)
          --indexer-concurrency N  Indexer:ConcurrentMessages for the app (default: the app's default)
          --models DIR             models tree served (default: models)
          --corpus DIR             generated corpus whose files are ingested (default: data/corpus)
          --generate               ingest generated files (SkiaSharp, ffmpeg) even when the corpus exists
          --timeout SECONDS        longest wait for one modality's items to be indexed (default: 1800)
          --out FILE               JSON report (default: bench/results/ingestion.json)
          --help                   show this text
        """;

    private static readonly CommandLineParser<IngestionArguments> Parser = new CommandLineParser<IngestionArguments>(a => a with { ShowHelp = true })
        .Value("--items", (a, v) => a with { Items = v.Positive() })
        .Value("--modalities", (a, v) => a with { Modalities = ParseModalities(v.Text) })
        .Value("--upload-concurrency", (a, v) => a with { UploadConcurrency = v.Positive() })
        .Value("--warmup", (a, v) => a with { Warmup = v.NonNegative() })
        .Value("--indexer-concurrency", (a, v) => a with { IndexerConcurrency = v.Positive() })
        .Value("--models", (a, v) => a with { ModelsTree = v.Text })
        .Value("--corpus", (a, v) => a with { Corpus = v.Text })
        .Flag("--generate", a => a with { Generate = true })
        .Value("--timeout", (a, v) => a with { Timeout = TimeSpan.FromSeconds(v.Positive()) })
        .Value("--out", (a, v) => a with { Output = v.Text });

    public int Items { get; init; } = 300;

    public IReadOnlyList<Modality> Modalities { get; init; } = [Modality.Image, Modality.Audio, Modality.Video, Modality.Text];

    public int UploadConcurrency { get; init; } = 4;

    public int Warmup { get; init; } = 4;

    public int? IndexerConcurrency { get; init; }

    public string ModelsTree { get; init; } = "models";

    public string Corpus { get; init; } = Path.Combine("data", "corpus");

    public bool Generate { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1800);

    public string Output { get; init; } = Path.Combine("bench", "results", "ingestion.json");

    public bool ShowHelp { get; init; }

    /// <exception cref="ArgumentException">An option is unknown, lacks its value, or has an unusable value.</exception>
    public static IngestionArguments Parse(IReadOnlyList<string> args) => Parser.Parse(args, new IngestionArguments());

    private static List<Modality> ParseModalities(string value)
    {
        var modalities = new List<Modality>();
        foreach (var name in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var modality = name.ToLowerInvariant() switch
            {
                "text" => Modality.Text,
                "image" => Modality.Image,
                "audio" => Modality.Audio,
                "video" => Modality.Video,
                _ => throw new ArgumentException($"--modalities takes text, image, audio and video, not '{name}'."),
            };
            if (!modalities.Contains(modality))
            {
                modalities.Add(modality);
            }
        }

        return modalities.Count > 0 ? modalities : throw new ArgumentException("--modalities needs at least one modality.");
    }
}
