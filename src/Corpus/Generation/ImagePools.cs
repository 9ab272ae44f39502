using Baize.Corpus.Mnist;
using Baize.Corpus.Samples;

namespace Baize.Corpus.Generation;

/// <summary>
/// Which Fashion-MNIST images each split may use, by class. Validation takes every tenth image of the train
/// file and train the other nine; test takes the t10k file, so test images are never seen in training.
/// </summary>
internal sealed class ImagePools
{
    private const int ValidationStride = 10;

    private readonly Dictionary<string, int[][]> _byClass;

    public ImagePools(IReadOnlyList<byte> trainLabels, IReadOnlyList<byte> testLabels)
    {
        _byClass = new Dictionary<string, int[][]>(StringComparer.Ordinal)
        {
            [CorpusSplits.Train] = Group(trainLabels, index => index % ValidationStride != 0),
            [CorpusSplits.Validation] = Group(trainLabels, index => index % ValidationStride == 0),
            [CorpusSplits.Test] = Group(testLabels, _ => true),
        };
    }

    public int Pick(string split, int category, Random random)
    {
        var pool = _byClass[split][category];
        return pool[random.Next(pool.Length)];
    }

    private static int[][] Group(IReadOnlyList<byte> labels, Func<int, bool> include) =>
        [.. Enumerable.Range(0, FashionMnist.ClassNames.Count)
            .Select(category => Enumerable.Range(0, labels.Count).Where(index => include(index) && labels[index] == category).ToArray())];
}
