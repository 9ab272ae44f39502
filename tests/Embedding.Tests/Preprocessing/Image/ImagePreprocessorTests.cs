using Baize.Embedding.Preprocessing.Image;
using Baize.TestSupport;
using SkiaSharp;

namespace Baize.Embedding.Tests.Preprocessing.Image;

public sealed class ImagePreprocessorTests : IDisposable
{
    private const int Plane = 64 * 64;

    // Default normalisation maps 255 to (1 - 0.5) / 0.25 = 2 and 0 to -2.
    private const float Full = 2f;
    private const float None = -2f;

    private readonly TempDirectory _temp = new();
    private readonly ImagePreprocessor _preprocessor = new(new ImagePreprocessing());

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "red.png", 0.01)]
    [InlineData(SKEncodedImageFormat.Jpeg, "red.jpg", 0.1)]
    [InlineData(SKEncodedImageFormat.Webp, "red.webp", 0.1)]
    public async Task Png_jpeg_and_webp_files_become_normalised_planar_rgb(SKEncodedImageFormat format, string name, double tolerance)
    {
        var path = _temp.File(name);
        await File.WriteAllBytesAsync(path, TestImages.Solid(SKColors.Red, 120, 90, format), TestContext.Current.CancellationToken);

        var pixels = await _preprocessor.PreprocessAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(3 * Plane, pixels.Length);
        Assert.All(pixels.AsSpan(0, Plane).ToArray(), v => Assert.Equal(Full, v, tolerance));
        Assert.All(pixels.AsSpan(Plane).ToArray(), v => Assert.Equal(None, v, tolerance));
    }

    [Fact]
    public void Wide_image_is_resized_and_centre_cropped_to_its_middle()
    {
        var bands = TestImages.Bands(300, 100, SKColors.Blue, SKColors.Red, SKColors.Lime);

        var pixels = _preprocessor.Preprocess(bands);

        // The outer columns may blend with the neighbouring bands; everything else is the red middle band.
        for (var y = 0; y < 64; y++)
        {
            for (var x = 2; x < 62; x++)
            {
                Assert.Equal(Full, pixels[(y * 64) + x], 0.01);
                Assert.Equal(None, pixels[Plane + (y * 64) + x], 0.01);
                Assert.Equal(None, pixels[(2 * Plane) + (y * 64) + x], 0.01);
            }
        }
    }

    [Fact]
    public void Downscaling_a_pixel_checkerboard_averages_to_grey_instead_of_aliasing()
    {
        var pixels = _preprocessor.Preprocess(TestImages.Checkerboard(1000));

        // Mid grey normalises to about 0; aliasing would leave values near ±2.
        Assert.All(pixels, v => Assert.InRange(v, -0.2f, 0.2f));
    }

    [Fact]
    public void Transparent_pixels_are_composited_over_white()
    {
        var pixels = _preprocessor.Preprocess(TestImages.Transparent(32));

        Assert.All(pixels, v => Assert.Equal(Full, v, 0.01));
    }

    [Fact]
    public void Size_mean_and_std_come_from_the_parameters()
    {
        var preprocessor = new ImagePreprocessor(new ImagePreprocessing { Size = 16, Mean = [0f, 0.5f, 1f], Std = [1f, 0.5f, 2f] });

        var pixels = preprocessor.Preprocess(TestImages.Solid(SKColors.Red, 40, 40));

        Assert.Equal(3 * 16 * 16, pixels.Length);
        Assert.Equal(1f, pixels[0], 0.01);
        Assert.Equal(-1f, pixels[256], 0.01);
        Assert.Equal(-0.5f, pixels[512], 0.01);
    }

    [Fact]
    public void Parameters_without_three_channels_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new ImagePreprocessor(new ImagePreprocessing { Mean = [0.5f] }));
        Assert.Throws<ArgumentException>(() => new ImagePreprocessor(new ImagePreprocessing { Std = [0.25f, 0f, 0.25f] }));
    }

    public void Dispose() => _temp.Dispose();
}
