using System.CommandLine;
using System.Globalization;
using Baize.Cli.Terminal;
using Baize.Corpus.Generation;

namespace Baize.Cli.Commands;

/// <summary><c>baize dataset generate</c>: builds the FashionScenes corpus deterministically from a seed.</summary>
public static class DatasetCommand
{
    public const string DefaultCorpusFolder = "data/corpus";

    public static Command Create()
    {
        var defaults = new GeneratorOptions();
        var output = new Option<string>("--out") { Description = "Folder to write the corpus to.", DefaultValueFactory = _ => DefaultCorpusFolder };
        var seed = new Option<int>("--seed") { Description = "Seed every sample is derived from.", DefaultValueFactory = _ => defaults.Seed };
        var scale = new Option<double>("--scale") { Description = "Multiplies every split's size (0.1 gives a small corpus for a quick look).", DefaultValueFactory = _ => 1.0 };
        var force = new Option<bool>("--force") { Description = "Regenerate even when the folder already holds this corpus." };
        var generate = new Command("generate", "Generate images, captions, speech and video clips with train/validation/test splits.")
        {
            output, seed, scale, force,
        };
        generate.SetAction(async (parse, cancellationToken) =>
        {
            var factor = parse.GetValue(scale);
            var options = defaults with
            {
                Seed = parse.GetValue(seed),
                Force = parse.GetValue(force),
                Train = Scaled(defaults.Train, factor),
                Validation = Scaled(defaults.Validation, factor),
                Test = Scaled(defaults.Test, factor),
            };
            var summary = await ProgressDisplay.RunAsync(
                "Generating FashionScenes",
                progress => new CorpusGenerator().GenerateAsync(parse.GetValue(output)!, options, new CorpusProgressAdapter(progress), cancellationToken));
            Console.WriteLine(summary.Generated
                ? string.Create(CultureInfo.InvariantCulture, $"Generated {summary.Root} in {summary.Elapsed.TotalMinutes:0.0} min.")
                : $"{summary.Root} already holds this corpus (seed and sizes match); --force regenerates it.");
            foreach (var split in summary.Manifest.Splits)
            {
                Console.WriteLine($"  {split.Name}: {split.Scenes} scenes, {split.Clips} clips");
            }

            return 0;
        });

        return new Command("dataset", "The corpus the project makes for itself.") { generate };
    }

    private static SplitSize Scaled(SplitSize size, double factor) =>
        new(Math.Max(1, (int)Math.Round(size.Scenes * factor)), Math.Max(1, (int)Math.Round(size.Clips * factor)));

    private sealed class CorpusProgressAdapter(IProgress<ProgressUpdate> display) : IProgress<CorpusProgress>
    {
        public void Report(CorpusProgress value) => display.Report(new ProgressUpdate(value.Stage, value.Done, value.Total));
    }
}
