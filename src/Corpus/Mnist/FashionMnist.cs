using System.Buffers.Binary;
using System.IO.Compression;

namespace Baize.Corpus.Mnist;

/// <summary>Reads the gzipped IDX files of Fashion-MNIST (Debian package dataset-fashion-mnist).</summary>
public static class FashionMnist
{
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    private const int ImagesMagic = 0x00000803;
    private const int LabelsMagic = 0x00000801;

    /// <summary>Class names in label order.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>The 60,000 training images.</summary>
    public static FashionMnistImages ReadTrain(string directory = DefaultDirectory) =>
        Read(Path.Combine(directory, "train-images-idx3-ubyte.gz"), Path.Combine(directory, "train-labels-idx1-ubyte.gz"));

    /// <summary>The 10,000 test images (the t10k files).</summary>
    public static FashionMnistImages ReadTest(string directory = DefaultDirectory) =>
        Read(Path.Combine(directory, "t10k-images-idx3-ubyte.gz"), Path.Combine(directory, "t10k-labels-idx1-ubyte.gz"));

    /// <exception cref="FileNotFoundException">A file is missing (install the dataset-fashion-mnist package).</exception>
    /// <exception cref="InvalidDataException">A file is not the IDX file it should be.</exception>
    public static FashionMnistImages Read(string imagesPath, string labelsPath)
    {
        var images = ReadIdx(imagesPath, ImagesMagic, dimensions: 3);
        var labels = ReadIdx(labelsPath, LabelsMagic, dimensions: 1);
        if (images.Shape[1] != FashionMnistImages.Side || images.Shape[2] != FashionMnistImages.Side)
        {
            throw new InvalidDataException($"{imagesPath}: images are {images.Shape[1]}x{images.Shape[2]}, expected 28x28.");
        }

        if (images.Shape[0] != labels.Shape[0])
        {
            throw new InvalidDataException($"{imagesPath} holds {images.Shape[0]} images but {labelsPath} holds {labels.Shape[0]} labels.");
        }

        var badLabel = Array.FindIndex(labels.Data, label => label >= ClassNames.Count);
        return badLabel < 0
            ? new FashionMnistImages(images.Data, labels.Data)
            : throw new InvalidDataException($"{labelsPath}: label {labels.Data[badLabel]} at index {badLabel} is not a class 0..9.");
    }

    private static (int[] Shape, byte[] Data) ReadIdx(string path, int expectedMagic, int dimensions)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Fashion-MNIST file {path} is missing; install the Debian package dataset-fashion-mnist.", path);
        }

        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        var magicBytes = new byte[4];
        ReadFully(gzip, magicBytes, path);
        var magic = BinaryPrimitives.ReadInt32BigEndian(magicBytes);
        if (magic != expectedMagic)
        {
            throw new InvalidDataException($"{path}: magic number 0x{magic:X8}, expected 0x{expectedMagic:X8}; not an IDX file of the right kind.");
        }

        var header = new byte[4 * dimensions];
        ReadFully(gzip, header, path);
        var shape = new int[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            shape[d] = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4 * d));
        }

        var data = new byte[shape.Aggregate(1L, (total, size) => total * size)];
        ReadFully(gzip, data, path);
        return gzip.ReadByte() < 0 ? (shape, data) : throw new InvalidDataException($"{path}: trailing bytes after the declared data.");
    }

    private static void ReadFully(Stream stream, byte[] buffer, string path)
    {
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException($"{path}: the file ends before its declared size.", exception);
        }
    }
}
