using Baize.Compression.Architectures;
using Baize.Compression.Layers;

namespace Baize.Compression.Tests.Architectures;

public sealed class ModelSizeTests
{
    [Fact]
    public void Image_parameter_and_mac_counts_match_a_hand_computation()
    {
        var config = new ConvolutionalEncoderConfig(ConvolutionalInput.Image, new ResidualCnnConfig(3, 4, 1, [new(6, 2, [5])]), 7);

        // stem 3x3 3→4 + BN: 108 + 8; block: conv1 4→5: 180 + 10, conv2 5→6: 270 + 12, 1x1 shortcut 4→6: 24 + 12;
        // head 6→7→128: 42 + 7 + 896 + 128.
        const long Parameters = 116 + 190 + 282 + 36 + 49 + 1024;
        // stem at 64x64: 4096·108; block at 32x32: 1024·(180 + 270 + 24); head: 42 + 896.
        const long Macs = (4096 * 108) + (1024 * (180 + 270 + 24)) + 42 + 896;
        Assert.Equal(Parameters, config.ParameterCount());
        Assert.Equal(Macs, config.MacsPerItem());
        using var encoder = new ConvolutionalEncoder(config);
        Assert.Equal(Parameters, encoder.ParameterCount());
    }

    [Fact]
    public void Text_parameter_and_mac_counts_match_a_hand_computation()
    {
        var config = new TextEncoderConfig(10, 8, 2, [new(3, 5)]);

        // token + position tables (10 + 32)·8; block: 2 LayerNorms 32, q/k/v 3·(8·6 + 6), output 6·8 + 8,
        // MLP 8·5 + 5 + 5·8 + 8; final LayerNorm 16; projection 8·128 + 128.
        const long Parameters = 336 + 32 + 162 + 56 + 93 + 16 + 1152;
        // per token: q/k/v/output 4·8·6, MLP 2·8·5, scores and context 2·32·6; projection 8·128.
        const long Macs = (32 * (192 + 80 + 384)) + 1024;
        Assert.Equal(Parameters, config.ParameterCount());
        Assert.Equal(Macs, config.MacsPerItem());
        using var encoder = new TextEncoder(config);
        Assert.Equal(Parameters, encoder.ParameterCount());
    }

    [Fact]
    public void Video_parameter_count_matches_a_hand_computation()
    {
        var config = new VideoEncoderConfig(new ResidualCnnConfig(3, 4, 2, [new(6, 2, [5])]), [7, 3], 9);

        // frame CNN as in the image case: 624; 16x16 map pooled to 2x2 gives 6·4 = 24 features per frame;
        // temporal 24→7: 504 + 7, 7→3: 63 + 3; head 3→9→128: 27 + 9 + 1152 + 128.
        const long Parameters = 624 + 511 + 66 + 1316;
        Assert.Equal(Parameters, config.ParameterCount());
        using var encoder = new VideoEncoder(config);
        Assert.Equal(Parameters, encoder.ParameterCount());
    }

    [Theory]
    [MemberData(nameof(TestConfigs.Names), MemberType = typeof(TestConfigs))]
    public void Config_parameter_counts_match_the_built_modules(string configName)
    {
        using var text = new TextEncoder(TestConfigs.Text(configName));
        using var image = new ConvolutionalEncoder(TestConfigs.Image(configName));
        using var audio = new ConvolutionalEncoder(TestConfigs.Audio(configName));
        using var video = new VideoEncoder(TestConfigs.Video(configName));

        Assert.Equal(text.Config.ParameterCount(), text.ParameterCount());
        Assert.Equal(image.Config.ParameterCount(), image.ParameterCount());
        Assert.Equal(audio.Config.ParameterCount(), audio.ParameterCount());
        Assert.Equal(video.Config.ParameterCount(), video.ParameterCount());
    }

    [Fact]
    public void Teachers_fit_the_cpu_training_budget_and_half_width_is_about_four_times_smaller()
    {
        var text = TextEncoderConfig.Teacher(2000);
        var image = ConvolutionalEncoderConfig.ImageTeacher();
        var audio = ConvolutionalEncoderConfig.AudioTeacher();
        var video = VideoEncoderConfig.Teacher();

        long[] parameters = [text.ParameterCount(), image.ParameterCount(), audio.ParameterCount(), video.ParameterCount()];
        Assert.All(parameters, count => Assert.InRange(count, 300_000, 1_500_000));
        Assert.InRange(image.MacsPerItem(), 0, 60_000_000);
        Assert.InRange(audio.MacsPerItem(), 0, 60_000_000);
        Assert.InRange(video.MacsPerItem(), 0, 120_000_000);

        // The CNNs shrink by almost 4x; the text encoder less, because its token table scales only linearly.
        Assert.InRange(Shrinkage(image.ParameterCount(), image.Scaled(0.5).ParameterCount()), 3.5, 4.0);
        Assert.InRange(Shrinkage(audio.ParameterCount(), audio.Scaled(0.5).ParameterCount()), 3.5, 4.0);
        Assert.InRange(Shrinkage(video.ParameterCount(), video.Scaled(0.5).ParameterCount()), 3.5, 4.0);
        Assert.InRange(Shrinkage(text.ParameterCount(), text.Scaled(0.5).ParameterCount()), 2.5, 4.0);
    }

    [Theory]
    [MemberData(nameof(TestConfigs.Names), MemberType = typeof(TestConfigs))]
    public void Every_width_an_architecture_scales_is_a_prunable_layer(string configName)
    {
        using var text = new TextEncoder(TestConfigs.Text(configName));
        using var image = new ConvolutionalEncoder(TestConfigs.Image(configName));
        using var audio = new ConvolutionalEncoder(TestConfigs.Audio(configName));
        using var video = new VideoEncoder(TestConfigs.Video(configName));

        // The thinned baselines are built by scaling every prunable layer; this holds only if the layers cover every width.
        AssertSameCost(text.Config.Scaled(0.5), HalfOfEveryPrunableLayer(text));
        AssertSameCost(image.Config.Scaled(0.5), HalfOfEveryPrunableLayer(image));
        AssertSameCost(audio.Config.Scaled(0.5), HalfOfEveryPrunableLayer(audio));
        AssertSameCost(video.Config.Scaled(0.5), HalfOfEveryPrunableLayer(video));
    }

    private static IEncoderConfig HalfOfEveryPrunableLayer(IEncoder encoder)
    {
        return encoder.Config.WithWidths(encoder.PrunableLayers().ToDictionary(layer => layer.Name, layer => WidthScaling.Scale(layer.GroupCount, 0.5)));
    }

    private static void AssertSameCost(IEncoderConfig expected, IEncoderConfig actual)
    {
        Assert.Equal(expected.ParameterCount(), actual.ParameterCount());
        Assert.Equal(expected.MacsPerItem(), actual.MacsPerItem());
    }

    private static double Shrinkage(long teacher, long student)
    {
        return (double)teacher / student;
    }
}
