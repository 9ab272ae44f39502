using System.Diagnostics;
using System.Globalization;
using Baize.Compression.Architectures;
using Baize.Compression.Hardware;
using Baize.Compression.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Baize.Compression.Classification;

/// <summary>
/// The classifier every method of the Fashion-MNIST table compresses: trained once from scratch and kept in a folder
/// (weights and the fingerprint of what trained them), so later runs load it instead of training it again.
/// </summary>
public static class ClassifierTeacher
{
    private const string FingerprintFile = "teacher.txt";

    /// <summary>The teacher in <paramref name="folder"/> if the same data, config and options trained it; otherwise trains and saves it.</summary>
    /// <returns>The teacher, in eval mode.</returns>
    public static TrainedClassifier LoadOrTrain(
        string folder,
        FashionMnistSplits data,
        ClassifierConfig config,
        ClassifierTeacherOptions options,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        var fingerprint = string.Create(CultureInfo.InvariantCulture, $"{config}|{data.Train.Count}|{options.Fingerprint}");
        var weights = Path.Combine(folder, EncoderWeights.FileName);
        torch.manual_seed(options.Seed);
        var teacher = new Classifier(config);
        var fingerprintPath = Path.Combine(folder, FingerprintFile);
        if (File.Exists(weights) && File.Exists(fingerprintPath) && File.ReadAllText(fingerprintPath) == fingerprint)
        {
            EncoderWeights.Load(teacher, weights);
            teacher.eval();
            return new TrainedClassifier(teacher, fingerprint, data.Test.Accuracy(teacher), 0);
        }

        TrainingDevice.UseAllCores();
        var clock = Stopwatch.StartNew();
        Train(teacher, data, options, progress, cancellationToken);
        Directory.CreateDirectory(folder);
        EncoderWeights.Save(teacher, weights);
        File.WriteAllText(fingerprintPath, fingerprint);
        var seconds = clock.Elapsed.TotalSeconds;
        return new TrainedClassifier(teacher, fingerprint, data.Test.Accuracy(teacher), seconds);
    }

    private static void Train(Classifier model, FashionMnistSplits data, ClassifierTeacherOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var train = data.Train;
        var stepsPerEpoch = (int)(train.Count / options.Batch);
        var schedule = new LearningRateSchedule(options.LearningRate, stepsPerEpoch * options.Epochs, WarmupSteps: stepsPerEpoch / 4);
        using var optimizer = torch.optim.AdamW(model.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        model.train();
        var step = 0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            var order = Enumerable.Range(0, (int)train.Count).Select(i => (long)i).ToArray();
            new Random((options.Seed * 1_000_003) + epoch).Shuffle(order);
            for (var b = 0; b < stepsPerEpoch; b++, step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                schedule.ApplyTo(optimizer, step);

                var rows = torch.tensor(order.AsSpan(b * options.Batch, options.Batch).ToArray());
                var loss = nn.functional.cross_entropy(model.forward(train.Images.index_select(0, rows)), train.Labels.index_select(0, rows));
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                if (b % 50 == 0 || b == stepsPerEpoch - 1)
                {
                    progress?.Report(new TrainingProgress($"teacher epoch {epoch + 1}/{options.Epochs}", b + 1, stepsPerEpoch, string.Create(CultureInfo.InvariantCulture, $"loss {loss.item<float>():0.000}")));
                }
            }

            progress?.Report(new TrainingProgress($"teacher epoch {epoch + 1}/{options.Epochs}", stepsPerEpoch, stepsPerEpoch, string.Create(CultureInfo.InvariantCulture, $"validation accuracy {data.Validation.Accuracy(model):0.0000}")));
            model.train();
        }

        model.eval();
    }
}
