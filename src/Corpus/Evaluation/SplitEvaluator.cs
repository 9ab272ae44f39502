using Baize.Corpus.Samples;
using Baize.Embedding;
using Baize.Embedding.Models;
using Baize.Embedding.Runtime;

namespace Baize.Corpus.Evaluation;

/// <summary>
/// Evaluates served encoders end to end on a corpus split: every item goes through the serving path (files decoded
/// by the model's own preprocessing, embedded by ONNX Runtime), then every modality pair is ranked and scored.
/// </summary>
public static class SplitEvaluator
{
    public static async Task<EvaluationReport> EvaluateAsync(
        CorpusReader corpus,
        string split,
        IReadOnlyDictionary<Modality, ModelFolder> models,
        IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(models);
        var set = new EvaluationSet(corpus.ReadSplit(split));
        var embeddings = new Dictionary<Modality, IReadOnlyList<float[]>>();
        foreach (var (modality, model) in models)
        {
            progress?.Report($"embedding {set.Items(modality).Count} {ManifestName(modality)} items with {model.Manifest.Id} {model.Version}");
            using var encoder = OnnxEncoder.Create(model);
            embeddings[modality] = await EmbedAsync(encoder, corpus, set.Items(modality), cancellationToken);
        }

        var versions = models.ToDictionary(p => ManifestName(p.Key), p => $"{p.Value.Manifest.Id}@{p.Value.Version}");
        return new EvaluationReport(split, versions, set.Evaluate(embeddings));
    }

    private static async Task<float[][]> EmbedAsync(OnnxEncoder encoder, CorpusReader corpus, IReadOnlyList<CorpusSample> items, CancellationToken cancellationToken)
    {
        List<string> Paths(Func<CorpusSample, string?> select) => [.. items.Select(s => corpus.ResolvePath(s, select(s)!))];
        return encoder.Modality switch
        {
            Modality.Text => encoder.EmbedTexts([.. items.Select(s => s.Caption)]),
            Modality.Image => await encoder.EmbedImagesAsync(Paths(s => s.ImagePath), cancellationToken),
            Modality.Audio => await encoder.EmbedAudioAsync(Paths(s => s.AudioPath), cancellationToken),
            Modality.Video => await encoder.EmbedVideosAsync(Paths(s => s.VideoPath), cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(encoder), encoder.Modality, null),
        };
    }

    private static string ManifestName(Modality modality) => Embedding.Manifests.ManifestJson.ModalityName(modality);
}
