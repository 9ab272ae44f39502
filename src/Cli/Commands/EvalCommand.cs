using System.CommandLine;
using System.Text.Json;
using Baize.Corpus.Evaluation;
using Baize.Corpus.Samples;
using Baize.Embedding;
using Baize.Embedding.Models;

namespace Baize.Cli.Commands;

/// <summary>
/// <c>baize eval</c>: Recall@1/5/10, mAP@10 and median rank of every query → gallery modality pair on a corpus split,
/// through the serving path (ONNX Runtime and the models' own preprocessing).
/// </summary>
public static class EvalCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var split = new Option<string>("--split") { Description = "Corpus split to evaluate on.", DefaultValueFactory = _ => CorpusSplits.Test };
        var corpus = new Option<string>("--corpus") { Description = "The generated corpus.", DefaultValueFactory = _ => DatasetCommand.DefaultCorpusFolder };
        var models = new Option<string>("--models") { Description = "The models/ tree whose active encoders are evaluated.", DefaultValueFactory = _ => "models" };
        var model = new Option<string[]>("--model") { Description = "A model folder to evaluate in place of the active one of its modality (repeatable)." };
        var compare = new Option<string[]>("--compare") { Description = "NAME=MODELS_DIR: also evaluate that tree's active encoders and add them to the JSON as entry NAME (repeatable)." };
        var output = new Option<string?>("--out") { Description = "Write the JSON here and the Markdown table next to it (.md)." };
        var command = new Command("eval", "Evaluate encoders on a corpus split: every query → gallery modality pair.")
        {
            split, corpus, models, model, compare, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var chosen = ChooseModels(new ModelDirectory(parse.GetValue(models)!), parse.GetValue(model) ?? []);
            var reader = CorpusReader.Open(parse.GetValue(corpus)!);
            var progress = new Progress<string>(Console.WriteLine);
            var report = await SplitEvaluator.EvaluateAsync(reader, parse.GetValue(split)!, chosen, progress, cancellationToken);
            var json = EvaluationReportFormat.ToJson(report);
            var markdown = EvaluationReportFormat.ToMarkdown(report);
            foreach (var entry in parse.GetValue(compare) ?? [])
            {
                var (name, folder) = ParseComparison(entry);
                var other = await SplitEvaluator.EvaluateAsync(reader, parse.GetValue(split)!, ChooseModels(new ModelDirectory(folder), []), progress, cancellationToken);
                json[name] = EvaluationReportFormat.ToJson(other);
                markdown += $"\n### {name}\n\n{EvaluationReportFormat.ToMarkdown(other)}";
            }

            Console.WriteLine(markdown);
            if (parse.GetValue(output) is { } path)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                await File.WriteAllTextAsync(path, json.ToJsonString(Indented) + "\n", cancellationToken);
                await File.WriteAllTextAsync(Path.ChangeExtension(path, ".md"), markdown, cancellationToken);
                Console.WriteLine($"Wrote {path} and {Path.ChangeExtension(path, ".md")}");
            }

            return 0;
        });
        return command;
    }

    /// <summary>The active folder of every modality, with explicitly named folders taking their modality's place.</summary>
    private static Dictionary<Modality, ModelFolder> ChooseModels(ModelDirectory directory, IEnumerable<string> overrides)
    {
        var chosen = new Dictionary<Modality, ModelFolder>();
        foreach (var modality in EvaluationSet.Modalities)
        {
            if (directory.LoadActive(modality) is { } active)
            {
                chosen[modality] = active;
            }
        }

        foreach (var folder in overrides)
        {
            var loaded = ModelFolder.Load(folder);
            chosen[loaded.Modality] = loaded;
        }

        return chosen.Count > 0
            ? chosen
            : throw new InvalidOperationException($"No encoder to evaluate: {directory.Root} has no active model and no --model was given.");
    }

    private static (string Name, string Folder) ParseComparison(string entry)
    {
        var separator = entry.IndexOf('=', StringComparison.Ordinal);
        return separator > 0
            ? (entry[..separator], entry[(separator + 1)..])
            : throw new ArgumentException($"--compare takes NAME=MODELS_DIR, not '{entry}'.", nameof(entry));
    }
}
