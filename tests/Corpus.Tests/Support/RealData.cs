using Baize.Corpus.Generation;
using Baize.Corpus.Mnist;

namespace Baize.Corpus.Tests.Support;

/// <summary>The real Fashion-MNIST files of the machine, read once for all tests.</summary>
internal static class RealData
{
    private static readonly Lazy<FashionMnistImages> LazyTrain = new(() => FashionMnist.ReadTrain());
    private static readonly Lazy<FashionMnistImages> LazyTest = new(() => FashionMnist.ReadTest());

    public static FashionMnistImages Train => LazyTrain.Value;

    public static FashionMnistImages Test => LazyTest.Value;

    public static ImagePools Pools => new(Train.Labels, Test.Labels);
}
