namespace Baize.Corpus.Mnist;

/// <summary>The images and labels of one Fashion-MNIST file pair, kept as the raw bytes of the IDX files.</summary>
public sealed class FashionMnistImages
{
    public const int Side = 28;
    public const int PixelsPerImage = Side * Side;

    private readonly byte[] _pixels;
    private readonly byte[] _labels;

    internal FashionMnistImages(byte[] pixels, byte[] labels)
    {
        _pixels = pixels;
        _labels = labels;
    }

    public int Count => _labels.Length;

    /// <summary>Class index 0..9 of every image, in file order.</summary>
    public IReadOnlyList<byte> Labels => _labels;

    /// <summary>Row-major 28x28 grey pixels, 0 = background, 255 = brightest.</summary>
    public ReadOnlySpan<byte> Image(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return _pixels.AsSpan(index * PixelsPerImage, PixelsPerImage);
    }
}
