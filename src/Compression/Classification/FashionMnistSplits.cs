using Baize.Corpus.Mnist;

namespace Baize.Compression.Classification;

/// <summary>
/// Fashion-MNIST as tensors: the training file split into training and held-out validation images (the last
/// <c>validationItems</c>), and the 10,000 test images. Pixels are normalised with the training images' mean and
/// standard deviation.
/// </summary>
public sealed class FashionMnistSplits : IDisposable
{
    private FashionMnistSplits(LabelledImages train, LabelledImages validation, LabelledImages test)
    {
        Train = train;
        Validation = validation;
        Test = test;
    }

    public LabelledImages Train { get; }

    public LabelledImages Validation { get; }

    public LabelledImages Test { get; }

    public static int Classes => FashionMnist.ClassNames.Count;

    /// <param name="trainItems">How many of the training images to train on (the first ones), at most all but the validation items.</param>
    /// <param name="validationItems">Held out from the end of the training file.</param>
    /// <param name="testItems">How many of the test images to evaluate on (the first ones).</param>
    /// <exception cref="ArgumentOutOfRangeException">More items asked for than the files hold.</exception>
    public static FashionMnistSplits Load(string directory, int trainItems, int validationItems, int testItems)
    {
        var train = FashionMnist.ReadTrain(directory);
        var test = FashionMnist.ReadTest(directory);
        ArgumentOutOfRangeException.ThrowIfLessThan(validationItems, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(trainItems + validationItems, train.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(trainItems, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(testItems, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(testItems, test.Count);

        var (mean, std) = Statistics(train, trainItems);
        return new FashionMnistSplits(
            LabelledImages.From(train, 0, trainItems, mean, std),
            LabelledImages.From(train, train.Count - validationItems, validationItems, mean, std),
            LabelledImages.From(test, 0, testItems, mean, std));
    }

    public void Dispose()
    {
        Train.Dispose();
        Validation.Dispose();
        Test.Dispose();
    }

    private static (float Mean, float Std) Statistics(FashionMnistImages images, int count)
    {
        double sum = 0, squares = 0;
        for (var i = 0; i < count; i++)
        {
            foreach (var pixel in images.Image(i))
            {
                var value = pixel / 255.0;
                sum += value;
                squares += value * value;
            }
        }

        var n = (double)count * FashionMnistImages.PixelsPerImage;
        var mean = sum / n;
        return ((float)mean, (float)Math.Sqrt(Math.Max((squares / n) - (mean * mean), 1e-12)));
    }
}
