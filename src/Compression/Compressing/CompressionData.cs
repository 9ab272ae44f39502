using System.Security.Cryptography;
using System.Text;
using Baize.Compression.Architectures;
using Baize.Compression.Training;
using Baize.Corpus.Samples;
using Baize.Embedding;
using Baize.Embedding.Manifests;
using Baize.Embedding.Models;
using Baize.Embedding.Preprocessing.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Baize.Compression.Compressing;

/// <summary>
/// Everything a compression run reads: the four frozen teachers, the train, validation and test splits normalised
/// with the teachers' own preprocessing, and every teacher's embeddings of every split (computed once and cached,
/// since the teachers never change). Students of one modality are trained against the other teachers' embeddings.
/// </summary>
public sealed class CompressionData : IDisposable
{
    private readonly Dictionary<string, Dictionary<Modality, Tensor>> _teacherEmbeddings;

    private CompressionData(
        IReadOnlyDictionary<Modality, ModelFolder> teacherFolders,
        IReadOnlyDictionary<Modality, IEncoder> teachers,
        PairedSplit train,
        PairedSplit validation,
        PairedSplit test,
        Dictionary<string, Dictionary<Modality, Tensor>> teacherEmbeddings)
    {
        TeacherFolders = teacherFolders;
        Teachers = teachers;
        Train = train;
        Validation = validation;
        Test = test;
        _teacherEmbeddings = teacherEmbeddings;
    }

    public IReadOnlyDictionary<Modality, ModelFolder> TeacherFolders { get; }

    /// <summary>The frozen teachers, on the CPU in eval mode.</summary>
    public IReadOnlyDictionary<Modality, IEncoder> Teachers { get; }

    public PairedSplit Train { get; }

    public PairedSplit Validation { get; }

    public PairedSplit Test { get; }

    /// <summary>Loads the active teacher of every modality from <paramref name="modelsFolder"/> and the corpus splits.</summary>
    public static async Task<CompressionData> LoadAsync(string corpusFolder, string modelsFolder, string featureCache, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var directory = new ModelDirectory(modelsFolder);
        var folders = Enum.GetValues<Modality>().ToDictionary(
            m => m,
            m => directory.LoadActive(m) ?? throw new InvalidOperationException($"{modelsFolder} has no active {ManifestJson.ModalityName(m)} encoder to compress or to anchor to."));
        var teachers = folders.ToDictionary(entry => entry.Key, entry => EncoderFolder.Load(entry.Value));

        var corpus = CorpusReader.Open(corpusFolder);
        var textFolder = folders[Modality.Text];
        var text = new TextPreprocessor(textFolder.Manifest.Preprocessing.Text!, textFolder.VocabularyPath!);
        var statistics = StatisticsOf(folders);
        var loader = new RawFeatureLoader(corpus, featureCache);
        var splits = new Dictionary<string, PairedSplit>();
        foreach (var name in new[] { "train", "validation", "test" })
        {
            splits[name] = PairedSplit.Create(await loader.LoadAsync(name, progress, cancellationToken), text, statistics);
        }

        var embeddings = new Dictionary<string, Dictionary<Modality, Tensor>>();
        foreach (var (name, split) in splits)
        {
            progress?.Report(new TrainingProgress($"teacher embeddings ({name})", 0, 1));
            embeddings[name] = TeacherEmbeddings(folders, teachers, split, name, featureCache);
        }

        return new CompressionData(folders, teachers, splits["train"], splits["validation"], splits["test"], embeddings);
    }

    /// <summary>[items, 128] embeddings of <paramref name="split"/>'s items of <paramref name="modality"/> by its teacher.</summary>
    public Tensor TeacherEmbeddings(PairedSplit split, Modality modality) => _teacherEmbeddings[NameOf(split)][modality];

    /// <summary>
    /// [items, anchors, 128]: for each item of <paramref name="modality"/>, the teacher embeddings of what it is paired
    /// with. Images, audio and video pair with their captions (text is the hub); a caption pairs with its image or
    /// video and with its speech.
    /// </summary>
    public Tensor Anchors(PairedSplit split, Modality modality)
    {
        ArgumentNullException.ThrowIfNull(split);
        using var scope = NewDisposeScope();
        var embeddings = _teacherEmbeddings[NameOf(split)];
        var text = embeddings[Modality.Text];
        var scenes = split.Scenes.Count;
        var anchors = modality switch
        {
            Modality.Image => text.narrow(0, 0, scenes).unsqueeze(1),
            Modality.Video => text.narrow(0, scenes, split.Clips.Count).unsqueeze(1),
            Modality.Audio => text.unsqueeze(1),
            _ => torch.stack([torch.cat([embeddings[Modality.Image], embeddings[Modality.Video]], 0), embeddings[Modality.Audio]], 1),
        };
        return anchors.contiguous().MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        foreach (var tensor in _teacherEmbeddings.Values.SelectMany(e => e.Values))
        {
            tensor.Dispose();
        }

        foreach (var teacher in Teachers.Values)
        {
            ((nn.Module)teacher).Dispose();
        }

        Train.Dispose();
        Validation.Dispose();
        Test.Dispose();
    }

    private string NameOf(PairedSplit split) =>
        ReferenceEquals(split, Train) ? "train" : ReferenceEquals(split, Validation) ? "validation" : ReferenceEquals(split, Test) ? "test"
            : throw new ArgumentException("Not one of this run's splits.", nameof(split));

    /// <summary>The normalisation every teacher was trained and is served with, from its manifest.</summary>
    private static TrainingInputStatistics StatisticsOf(IReadOnlyDictionary<Modality, ModelFolder> folders)
    {
        var image = folders[Modality.Image].Manifest.Preprocessing.Image!;
        var audio = folders[Modality.Audio].Manifest.Preprocessing.Audio!;
        var video = folders[Modality.Video].Manifest.Preprocessing.Video!;
        return new TrainingInputStatistics(
            new InputStatistics([.. image.Mean], [.. image.Std]),
            new InputStatistics([audio.Mean], [audio.Std]),
            new InputStatistics([.. video.Mean], [.. video.Std]));
    }

    private static Dictionary<Modality, Tensor> TeacherEmbeddings(
        IReadOnlyDictionary<Modality, ModelFolder> folders,
        IReadOnlyDictionary<Modality, IEncoder> teachers,
        PairedSplit split,
        string name,
        string cacheFolder)
    {
        var result = new Dictionary<Modality, Tensor>();
        foreach (var (modality, teacher) in teachers)
        {
            var inputs = new ModalityInputs(split, modality);
            var key = new StringBuilder(name).Append('|').Append(folders[modality].Manifest.Files[ModelFolder.WeightsFileName]);
            foreach (var sample in inputs.Samples)
            {
                key.Append('|').Append(sample.Id);
            }

            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())))[..16];
            var path = Path.Combine(cacheFolder, $"teacher-{ManifestJson.ModalityName(modality)}-{name}-{hash}.f32");
            var length = inputs.Count * Architectures.EncoderContract.EmbeddingDimension;
            var values = FeatureArrays.TryRead(path, length);
            if (values is null)
            {
                values = [.. SplitEmbedder.Embed(new Dictionary<Modality, IEncoder> { [modality] = teacher }, split, CPU)[modality].SelectMany(row => row)];
                FeatureArrays.Write(path, values);
            }

            result[modality] = torch.tensor(values, [inputs.Count, Architectures.EncoderContract.EmbeddingDimension]);
        }

        return result;
    }
}
