using System.Diagnostics;
using System.Globalization;
using Baize.Compression.Export;
using Baize.Compression.Hardware;
using Baize.Corpus.Samples;
using Baize.Embedding;
using Baize.Embedding.Manifests;
using Baize.Embedding.Preprocessing.Text;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Baize.Compression.Training;

/// <summary>
/// Trains the text, image, audio and video encoders jointly into one space with symmetric InfoNCE, text as the hub:
/// every step pairs a batch of scene captions with their images, a batch of clip captions with their videos, and all
/// of those captions with their speech. Validates every epoch, checkpoints every epoch (a rerun resumes), and finally
/// exports each encoder as a model folder.
/// </summary>
public static class TeacherTrainer
{
    private const string Train = "train";
    private const string Validation = "validation";
    private const double GradientClipNorm = 1.0;

    public static async Task<TeacherTrainingResult> TrainAsync(TeacherTrainingOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        TrainingDevice.UseAllCores();
        Directory.CreateDirectory(options.WorkFolder);
        var corpus = CorpusReader.Open(options.CorpusFolder);

        var vocabularyPath = Path.Combine(options.WorkFolder, "vocab.txt");
        var vocabularySize = await WriteVocabularyAsync(corpus.ReadSplit(Train), vocabularyPath, cancellationToken);
        var textParameters = new TextPreprocessing();
        var text = new TextPreprocessor(textParameters, vocabularyPath);

        var loader = new RawFeatureLoader(corpus, options.FeatureCache);
        var rawTrain = await loader.LoadAsync(Train, progress, cancellationToken);
        var rawValidation = await loader.LoadAsync(Validation, progress, cancellationToken);
        var statistics = TrainingInputStatistics.Measure(rawTrain);
        using var train = PairedSplit.Create(rawTrain, text, statistics);
        using var validation = PairedSplit.Create(rawValidation, text, statistics);

        torch.manual_seed(options.Seed);
        var config = EncoderSetConfig.Teacher(vocabularySize).Scaled(options.WidthFactor);
        using var encoders = new EncoderSet(config, TrainingDevice.Select());
        var stepsPerEpoch = (train.Scenes.Count + options.SceneBatch - 1) / options.SceneBatch;
        var schedule = new LearningRateSchedule(options.LearningRate, stepsPerEpoch * options.Epochs, WarmupSteps: stepsPerEpoch / 2);
        using var optimizer = torch.optim.AdamW(encoders.Parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        var checkpoint = new TrainingCheckpoint(options.WorkFolder);
        var state = checkpoint.TryRestore(encoders, optimizer, options.Fingerprint)
            ?? new TrainingState(options.Fingerprint, 0, 0, []);

        for (var epoch = state.EpochsDone; epoch < options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var (loss, steps) = RunEpoch(encoders, optimizer, schedule, train, options, epoch, state.Steps, progress, cancellationToken);
            var recall = Validate(encoders, validation);
            var summary = new EpochSummary(epoch + 1, loss, clock.Elapsed.TotalSeconds, recall);
            state = state with { EpochsDone = epoch + 1, Steps = steps, History = [.. state.History, summary] };
            checkpoint.Save(encoders, optimizer, state);
            progress?.Report(new TrainingProgress("epochs", epoch + 1, options.Epochs, Describe(summary)));
        }

        var exporter = new ModelFolderExporter(options.ModelsFolder);
        var lineage = new TrainingLineage(options, statistics, textParameters, vocabularyPath, state.History[^1]);
        var folders = new Dictionary<Modality, string>();
        foreach (var modality in Enum.GetValues<Modality>())
        {
            folders[modality] = await exporter.ExportAsync(encoders, modality, lineage, cancellationToken);
        }

        return new TeacherTrainingResult(state.History, folders);
    }

    private static (double Loss, int Steps) RunEpoch(
        EncoderSet encoders,
        OptimizerHelper optimizer,
        LearningRateSchedule schedule,
        PairedSplit train,
        TeacherTrainingOptions options,
        int epoch,
        int step,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        encoders.SetTraining(true);
        var random = EpochRandom.For(options.Seed, epoch);
        var scenes = Shuffled(train.Scenes.Count, random);
        var clips = Shuffled(train.Clips.Count, random);
        var stepsPerEpoch = (scenes.Length + options.SceneBatch - 1) / options.SceneBatch;
        var clipCursor = 0;
        var lossSum = 0.0;
        for (var i = 0; i < stepsPerEpoch; i++, step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sceneBatch = scenes.AsSpan(i * options.SceneBatch, Math.Min(options.SceneBatch, scenes.Length - (i * options.SceneBatch))).ToArray();
            var clipBatchSize = Math.Min(options.ClipBatch, clips.Length);
            if (clipCursor + clipBatchSize > clips.Length)
            {
                clips = Shuffled(clips.Length, random);
                clipCursor = 0;
            }

            var clipBatch = clips.AsSpan(clipCursor, clipBatchSize).ToArray();
            clipCursor += clipBatchSize;
            schedule.ApplyTo(optimizer, step);

            var loss = Step(encoders, optimizer, train, sceneBatch, clipBatch);
            lossSum += loss;
            progress?.Report(new TrainingProgress($"epoch {epoch + 1}/{options.Epochs}", i + 1, stepsPerEpoch, string.Create(CultureInfo.InvariantCulture, $"loss {loss:0.000}")));
        }

        return (lossSum / stepsPerEpoch, step);
    }

    private static float Step(EncoderSet encoders, OptimizerHelper optimizer, PairedSplit train, long[] sceneRows, long[] clipRows)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var scenes = torch.tensor(sceneRows);
        var clips = torch.tensor(clipRows);
        Tensor Rows(Tensor source, Tensor rows) => source.index_select(0, rows).to(encoders.Device);
        var sceneText = encoders.Text.forward(Rows(train.SceneTokens, scenes), Rows(train.SceneMask, scenes));
        var clipText = encoders.Text.forward(Rows(train.ClipTokens, clips), Rows(train.ClipMask, clips));
        var images = encoders.Image.forward(Rows(train.ScenePixels, scenes));
        var videos = encoders.Video.forward(Rows(train.ClipFrames, clips));
        var speech = encoders.Audio.forward(torch.cat([Rows(train.SceneAudio, scenes), Rows(train.ClipAudio, clips)], 0));
        var scale = encoders.LogitScale;
        var loss = ContrastiveLoss.SymmetricInfoNce(sceneText, images, scale)
            + ContrastiveLoss.SymmetricInfoNce(clipText, videos, scale)
            + ContrastiveLoss.SymmetricInfoNce(torch.cat([sceneText, clipText], 0), speech, scale);
        loss.backward();
        nn.utils.clip_grad_norm_(encoders.Parameters(), GradientClipNorm);
        optimizer.step();
        encoders.ClampLogitScale();
        return loss.item<float>();
    }

    /// <summary>Validation Recall@1 of the pairs training optimises (text to and from each other modality).</summary>
    private static Dictionary<string, double> Validate(EncoderSet encoders, PairedSplit validation)
    {
        var embeddings = SplitEmbedder.Embed(encoders, validation);
        var set = SplitEmbedder.EvaluationSetOf(validation);
        (Modality, Modality)[] pairs =
        [
            (Modality.Text, Modality.Image), (Modality.Image, Modality.Text),
            (Modality.Text, Modality.Audio), (Modality.Audio, Modality.Text),
            (Modality.Text, Modality.Video), (Modality.Video, Modality.Text),
        ];
        return set.Evaluate(embeddings, pairs).ToDictionary(
            p => $"{ManifestJson.ModalityName(p.Query)}->{ManifestJson.ModalityName(p.Gallery)}",
            p => p.Metrics.RecallAt1);
    }

    private static long[] Shuffled(int count, Random random)
    {
        var order = new long[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        random.Shuffle(order);
        return order;
    }

    private static string Describe(EpochSummary summary) =>
        string.Create(CultureInfo.InvariantCulture, $"loss {summary.TrainLoss:0.000}, validation R@1 ")
        + string.Join(", ", summary.ValidationRecallAt1.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:0.000}")))
        + string.Create(CultureInfo.InvariantCulture, $" ({summary.Seconds:0} s)");

    /// <summary>Builds the WordPiece vocabulary from the training captions only; returns its size.</summary>
    private static async Task<int> WriteVocabularyAsync(IReadOnlyList<CorpusSample> train, string path, CancellationToken cancellationToken)
    {
        var builder = new WordPieceVocabularyBuilder();
        builder.AddRange(train.Select(s => s.Caption));
        await builder.WriteAsync(path, cancellationToken);
        return builder.Build().Count;
    }
}
