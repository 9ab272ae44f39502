using Baize.Compression.Architectures;
using Baize.Compression.Layers;
using Baize.Compression.Tests.Architectures;

namespace Baize.Compression.Tests.Layers;

public sealed class WidthAlignmentTests
{
    [Theory]
    [InlineData(1, 8, 8)]
    [InlineData(17, 24, 16)]
    [InlineData(20, 24, 24)]
    [InlineData(24, 24, 24)]
    [InlineData(61, 64, 64)]
    public void Convolution_channels_round_to_multiples_of_eight(int width, int up, int nearest)
    {
        using var encoder = new ConvolutionalEncoder(ConvolutionalEncoderConfig.ImageTeacher());
        var layer = encoder.PrunableLayers().First(l => l.Kind == PrunableKind.ConvChannels && l.GroupCount == 64);

        Assert.Equal(up, WidthAlignment.RoundUp(layer, width));
        Assert.Equal(nearest, WidthAlignment.Nearest(layer, width));
    }

    [Fact]
    public void A_convolution_narrower_than_a_block_multiple_may_keep_its_full_width()
    {
        using var encoder = new ConvolutionalEncoder(TestConfigs.Image(TestConfigs.Irregular));
        var layer = encoder.PrunableLayers().First(l => l.Kind == PrunableKind.ConvChannels && l.GroupCount == 13);

        Assert.Equal(13, WidthAlignment.RoundUp(layer, 9));
        Assert.Equal(8, WidthAlignment.Nearest(layer, 9));
        Assert.Equal(13, WidthAlignment.Nearest(layer, 11));
    }

    [Fact]
    public void Layers_that_feed_matrix_products_keep_any_width()
    {
        using var encoder = new TextEncoder(TextEncoderConfig.Teacher(TestConfigs.TextVocabulary));

        Assert.All(encoder.PrunableLayers(), layer =>
        {
            Assert.NotEqual(PrunableKind.ConvChannels, layer.Kind);
            Assert.Equal(layer.GroupCount - 1, WidthAlignment.RoundUp(layer, layer.GroupCount - 1));
            Assert.Equal(layer.GroupCount - 1, WidthAlignment.Nearest(layer, layer.GroupCount - 1));
        });
    }
}
