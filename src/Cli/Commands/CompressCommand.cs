using System.CommandLine;
using System.Globalization;
using Baize.Cli.Terminal;
using Baize.Compression.Compressing;
using Baize.Embedding.Manifests;

namespace Baize.Cli.Commands;

/// <summary><c>baize compress</c>: makes a smaller student of one active encoder, by the dean's method or a baseline.</summary>
public static class CompressCommand
{
    public static Command Create()
    {
        var modality = new Option<string>("--modality") { Description = "The encoder to compress: text, image, audio or video.", Required = true };
        var target = new Option<string>("--target") { Description = "How many times fewer parameters than the teacher, e.g. 4x.", DefaultValueFactory = _ => "4x" };
        var method = new Option<string>("--method") { Description = "dean (the Teacher–Student–Dean method), joint, prune, kd or scratch.", DefaultValueFactory = _ => "dean" };
        var corpus = new Option<string>("--corpus") { Description = "The generated corpus.", DefaultValueFactory = _ => DatasetCommand.DefaultCorpusFolder };
        var models = new Option<string>("--models") { Description = "Where the active teachers are read and the student is written (not activated).", DefaultValueFactory = _ => "models" };
        var work = new Option<string?>("--work") { Description = "Checkpoints and report of this run; rerunning resumes (default: data/compression/<modality>-<method>-<target>)." };
        var version = new Option<string?>("--version") { Description = "Version (folder name) of the student (default: <method>-<target>)." };
        var steps = new Option<int>("--steps") { Description = "Optimiser steps in all (the same for every method).", DefaultValueFactory = _ => 300 };
        var batch = new Option<int>("--batch") { Description = "Items per step.", DefaultValueFactory = _ => 64 };
        var seed = new Option<int>("--seed") { Description = "Seed of initialisation and batch order.", DefaultValueFactory = _ => CompressionSchedule.DefaultSeed };
        var features = new Option<string>("--features") { Description = "Cache of preprocessed inputs and teacher embeddings, shared between runs (by default the one baize train fills).", DefaultValueFactory = _ => "data/training/teachers/features" };
        var command = new Command("compress", "Compress one encoder to a parameter budget; writes a candidate model folder and a report.")
        {
            modality, target, method, corpus, models, work, version, steps, batch, seed, features,
        };
        command.Validators.Add(result =>
        {
            var modalityName = result.GetValue(modality);
            if (string.IsNullOrEmpty(modalityName))
            {
                result.AddError("--modality is required: text, image, audio or video.");
            }
            else if (!ManifestJson.TryParseModality(modalityName, out _))
            {
                result.AddError($"--modality must be text, image, audio or video, not '{modalityName}'.");
            }

            // Only options given on the command line are checked: with --modality missing, the defaults are not filled in.
            if (result.GetResult(target) is { Implicit: false } && !TryParseRatio(result.GetValue(target), out _))
            {
                result.AddError("--target must be a number above 1, optionally followed by x (for example 4x).");
            }

            if (result.GetResult(steps) is { Implicit: false } && result.GetValue(steps) < 1)
            {
                result.AddError("--steps must be at least 1.");
            }

            // InfoNCE contrasts each item with the others of its batch, so a batch needs two.
            if (result.GetResult(batch) is { Implicit: false } && result.GetValue(batch) < 2)
            {
                result.AddError("--batch must be at least 2.");
            }

            if (result.GetResult(method) is { Implicit: false } && !TryParseMethod(result.GetValue(method), out _))
            {
                result.AddError($"--method must be dean, joint, prune, kd or scratch, not '{result.GetValue(method)}'.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            // The validator has refused anything these cannot parse.
            if (!ManifestJson.TryParseModality(parse.GetValue(modality)!, out var chosen)
                || !TryParseRatio(parse.GetValue(target), out var ratio)
                || !TryParseMethod(parse.GetValue(method), out var chosenMethod))
            {
                return 2;
            }

            var methodName = chosenMethod.ToString().ToLowerInvariant();
            var defaultWork = Path.Combine("data", "compression", string.Create(CultureInfo.InvariantCulture, $"{ManifestJson.ModalityName(chosen)}-{methodName}-{ratio}x"));
            var options = new CompressionOptions(
                chosen,
                ratio,
                new CompressionSchedule(chosenMethod, Steps: parse.GetValue(steps), Batch: parse.GetValue(batch), Seed: parse.GetValue(seed)),
                Path.GetFullPath(parse.GetValue(corpus)!),
                Path.GetFullPath(parse.GetValue(models)!),
                Path.GetFullPath(parse.GetValue(work) ?? defaultWork),
                parse.GetValue(version),
                FeatureCacheFolder: Path.GetFullPath(parse.GetValue(features)!));
            var record = await ProgressDisplay.RunAsync(
                $"Compressing the {ManifestJson.ModalityName(chosen)} encoder ({methodName}, {options.TargetName})",
                progress => Compressor.RunAsync(options, new TrainingProgressAdapter(progress), cancellationToken));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parameters {record.Params:N0} ({record.ParamsRatio:P1} of the teacher), MACs {record.MacsRatio:P1}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Recall@1 retention {record.R1Retention:P1}, Recall@10 retention {record.R10Retention:P1}, compatibility R@1 retention {record.CompatR1Retention:P1}"));
            Console.WriteLine($"student: {record.ModelFolder} (not active)");
            Console.WriteLine($"report: {record.Report}");
            return 0;
        });
        return command;
    }

    /// <summary>Only the names (Enum.TryParse alone would also take numbers such as "7").</summary>
    private static bool TryParseMethod(string? text, out CompressionMethod method)
    {
        method = default;
        return text is not null && Enum.GetNames<CompressionMethod>().Contains(text, StringComparer.OrdinalIgnoreCase) && Enum.TryParse(text, ignoreCase: true, out method);
    }

    private static bool TryParseRatio(string? text, out double ratio)
    {
        ratio = 0;
        return text is not null
            && double.TryParse(text.TrimEnd('x', 'X'), NumberStyles.Float, CultureInfo.InvariantCulture, out ratio)
            && double.IsFinite(ratio)
            && ratio > 1;
    }
}
