using Baize.Compression.Classification;
using Baize.Corpus.Mnist;

namespace Baize.Compression.Tests.Classification;

/// <summary>A small slice of the real Fashion-MNIST files and a teacher trained on it briefly, in a temporary folder.</summary>
public sealed class FashionMnistFixture : IDisposable
{
    public FashionMnistFixture()
    {
        Root = Directory.CreateTempSubdirectory("baize-classifier-").FullName;
        Data = FashionMnistSplits.Load(FashionMnist.DefaultDirectory, trainItems: 512, validationItems: 64, testItems: 256);
        TeacherOptions = new ClassifierTeacherOptions(Epochs: 2, Batch: 32);
        Teacher = ClassifierTeacher.LoadOrTrain(TeacherFolder, Data, ClassifierConfig.FashionTeacher(), TeacherOptions, null, CancellationToken.None);
    }

    public string Root { get; }

    public string TeacherFolder => Path.Combine(Root, "teacher");

    public FashionMnistSplits Data { get; }

    public ClassifierTeacherOptions TeacherOptions { get; }

    public TrainedClassifier Teacher { get; }

    public void Dispose()
    {
        Teacher.Dispose();
        Data.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
