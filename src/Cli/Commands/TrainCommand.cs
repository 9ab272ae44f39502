using System.CommandLine;
using System.Globalization;
using Baize.Cli.Terminal;
using Baize.Compression.Training;

namespace Baize.Cli.Commands;

/// <summary><c>baize train</c>: trains the four teacher encoders jointly and exports them as model folders.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var corpus = new Option<string>("--corpus") { Description = "The generated corpus.", DefaultValueFactory = _ => DatasetCommand.DefaultCorpusFolder };
        var work = new Option<string>("--work") { Description = "Checkpoints and caches of this run; rerunning resumes from here.", DefaultValueFactory = _ => "data/training/teachers" };
        var models = new Option<string>("--models") { Description = "Where model folders are written (<modality>/<version>/).", DefaultValueFactory = _ => "models" };
        var version = new Option<string>("--version") { Description = "Version (and folder name) of the exported models.", DefaultValueFactory = _ => "teacher-1" };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training scenes.", DefaultValueFactory = _ => 14 };
        var width = new Option<double>("--width") { Description = "Width factor of every layer: 1 for the teachers, 0.5 for the 4x-smaller family.", DefaultValueFactory = _ => 1.0 };
        var seed = new Option<int>("--seed") { Description = "Seed of initialisation and batch order.", DefaultValueFactory = _ => 17 };
        var features = new Option<string?>("--features") { Description = "Cache of preprocessed inputs to share between runs (default: under --work)." };
        var activate = new Option<bool>("--activate") { Description = "Make the exported models the active ones of their modality." };
        var command = new Command("train", "Train the text, image, audio and video encoders jointly (symmetric InfoNCE, text as the hub).")
        {
            corpus, work, models, version, epochs, width, seed, features, activate,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new TeacherTrainingOptions(
                Path.GetFullPath(parse.GetValue(corpus)!),
                Path.GetFullPath(parse.GetValue(work)!),
                Path.GetFullPath(parse.GetValue(models)!),
                parse.GetValue(version)!,
                Epochs: parse.GetValue(epochs),
                WidthFactor: parse.GetValue(width),
                Seed: parse.GetValue(seed),
                FeatureCacheFolder: parse.GetValue(features) is { } cache ? Path.GetFullPath(cache) : null);
            var result = await ProgressDisplay.RunAsync(
                "Training encoders",
                progress => TeacherTrainer.TrainAsync(options, new TrainingProgressAdapter(progress), cancellationToken));
            foreach (var epoch in result.History)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch.Epoch}: loss {epoch.TrainLoss:0.000}, mean validation R@1 {epoch.MeanValidationRecallAt1:0.000}, {epoch.Seconds:0} s"));
            }

            foreach (var (modality, folder) in result.ModelFolders)
            {
                if (parse.GetValue(activate))
                {
                    new Embedding.Models.ModelDirectory(options.ModelsFolder).SetActive(modality, options.Version);
                }

                Console.WriteLine($"{modality}: {folder}{(parse.GetValue(activate) ? " (active)" : string.Empty)}");
            }

            return 0;
        });
        return command;
    }
}
