using Baize.Embedding.Media;
using SkiaSharp;

namespace Baize.Embedding.Preprocessing.Image;

/// <summary>
/// Decodes PNG, JPEG or WebP with SkiaSharp into the image encoder's input [3, size, size]: converted to sRGB,
/// transparency composited over white, the centred square crop resized to size × size with mipmapped
/// (trilinear) sampling, then normalised per channel. Dimensions are checked against the pixel limit before
/// any pixel is decoded. Thread-safe.
/// </summary>
public sealed class ImagePreprocessor
{
    private const string Kind = "image";

    private static readonly MediaFormat[] AcceptedFormats = [MediaFormat.Png, MediaFormat.Jpeg, MediaFormat.WebP];

    /// <summary>Trilinear filtering averages over the source pixels a large downscale skips, so fine patterns do not alias.</summary>
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    private readonly ChannelNormalization _normalization;
    private readonly MediaDecodeOptions _options;

    public ImagePreprocessor(ImagePreprocessing parameters, MediaDecodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters.Size, 1);
        Parameters = parameters;
        _normalization = new ChannelNormalization(parameters.Mean, parameters.Std);
        _options = options ?? MediaDecodeOptions.Default;
    }

    public ImagePreprocessing Parameters { get; }

    /// <summary>Floats per image: 3 × size × size.</summary>
    public int OutputLength => 3 * Parameters.Size * Parameters.Size;

    public async Task<float[]> PreprocessAsync(string path, CancellationToken cancellationToken = default)
    {
        MediaFile.Inspect(path, Kind, AcceptedFormats, _options);
        var encoded = await File.ReadAllBytesAsync(path, cancellationToken);
        return Preprocess(encoded, Path.GetFileName(path));
    }

    /// <summary>Preprocesses an encoded image held in memory; <paramref name="name"/> only labels error messages.</summary>
    public float[] Preprocess(ReadOnlySpan<byte> encoded, string name = "upload")
    {
        var subject = $"{Kind} '{name}'";
        if (encoded.IsEmpty)
        {
            throw new MediaDecodeException(MediaDecodeReason.Empty, $"{subject} is empty.");
        }

        if (encoded.Length > _options.MaxFileBytes)
        {
            throw new MediaDecodeException(MediaDecodeReason.TooLarge, $"{subject} has {encoded.Length} bytes; the limit is {_options.MaxFileBytes}.");
        }

        var format = MediaFormatDetector.Detect(encoded[..Math.Min(encoded.Length, MediaFormatDetector.HeaderLength)]);
        if (format is null || !AcceptedFormats.Contains(format.Value))
        {
            throw new MediaDecodeException(MediaDecodeReason.UnsupportedFormat, $"{subject} is not a PNG, JPEG or WebP image.");
        }

        using var decoded = Decode(encoded, format.Value, subject);
        using var source = SKImage.FromBitmap(decoded);
        var size = Parameters.Size;
        using var target = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(target))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawImage(source, CentredSquare(decoded.Width, decoded.Height), new SKRect(0, 0, size, size), Sampling, paint: null);
        }

        var output = new float[OutputLength];
        _normalization.WritePlanar(target.GetPixelSpan(), bytesPerPixel: 4, size * size, output);
        return output;
    }

    private SKBitmap Decode(ReadOnlySpan<byte> encoded, MediaFormat format, string subject)
    {
        using var data = SKData.CreateCopy(encoded);
        using var stream = new SKMemoryStream(data);
        using var codec = SKCodec.Create(stream, out var opened);
        if (codec is null)
        {
            throw new MediaDecodeException(MediaDecodeReason.Corrupt, $"{subject} looks like {format} but its header cannot be read ({opened}).");
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width < 1 || height < 1)
        {
            throw new MediaDecodeException(MediaDecodeReason.Corrupt, $"{subject} declares a {width}x{height} image.");
        }

        if ((long)width * height > _options.MaxPixels)
        {
            throw new MediaDecodeException(MediaDecodeReason.TooLarge, $"{subject} is {width}x{height} pixels; the limit is {_options.MaxPixels} pixels.");
        }

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            var problem = result == SKCodecResult.IncompleteInput ? "is truncated" : $"cannot be decoded ({result})";
            throw new MediaDecodeException(MediaDecodeReason.Corrupt, $"{subject} {problem}.");
        }

        return bitmap;
    }

    /// <summary>Resizing the centred square of side min(w, h) equals an aspect-preserving resize followed by a centre crop.</summary>
    private static SKRect CentredSquare(int width, int height)
    {
        var side = Math.Min(width, height);
        var left = (width - side) / 2f;
        var top = (height - side) / 2f;
        return new SKRect(left, top, left + side, top + side);
    }
}
