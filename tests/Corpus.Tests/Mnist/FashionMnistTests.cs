using System.Buffers.Binary;
using System.IO.Compression;
using Baize.Corpus.Mnist;
using Baize.Corpus.Tests.Support;

namespace Baize.Corpus.Tests.Mnist;

public sealed class FashionMnistTests
{
    [Fact]
    public void Reader_returns_all_train_and_test_images_with_every_label()
    {
        Assert.Equal(60_000, RealData.Train.Count);
        Assert.Equal(10_000, RealData.Test.Count);
        Assert.Equal(Enumerable.Range(0, 10), RealData.Train.Labels.Distinct().Order().Select(label => (int)label));
        Assert.Equal(Enumerable.Range(0, 10), RealData.Test.Labels.Distinct().Order().Select(label => (int)label));
        Assert.Equal(784, RealData.Train.Image(59_999).Length);
        // Real garments, not blank memory: most pixels of an image are background, some are bright.
        Assert.Contains(RealData.Test.Image(0).ToArray(), pixel => pixel > 200);
    }

    [Fact]
    public void Class_names_follow_label_order()
    {
        Assert.Equal(10, FashionMnist.ClassNames.Count);
        Assert.Equal("T-shirt/top", FashionMnist.ClassNames[0]);
        Assert.Equal("Sneaker", FashionMnist.ClassNames[7]);
        Assert.Equal("Ankle boot", FashionMnist.ClassNames[9]);
    }

    [Fact]
    public void Reader_rejects_a_file_with_the_wrong_magic_number()
    {
        var folder = Directory.CreateTempSubdirectory("baize-idx-");
        try
        {
            var images = Path.Combine(folder.FullName, "images.gz");
            var labels = Path.Combine(folder.FullName, "labels.gz");
            // A labels file where an images file belongs.
            WriteGzip(images, Idx(0x00000801, [1], [3]));
            WriteGzip(labels, Idx(0x00000801, [1], [3]));

            var error = Assert.Throws<InvalidDataException>(() => FashionMnist.Read(images, labels));

            Assert.Contains("magic number 0x00000801, expected 0x00000803", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static byte[] Idx(int magic, int[] shape, byte[] data)
    {
        var bytes = new byte[4 + (4 * shape.Length) + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (var d = 0; d < shape.Length; d++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + (4 * d)), shape[d]);
        }

        data.CopyTo(bytes, 4 + (4 * shape.Length));
        return bytes;
    }

    private static void WriteGzip(string path, byte[] content)
    {
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        gzip.Write(content);
    }
}
