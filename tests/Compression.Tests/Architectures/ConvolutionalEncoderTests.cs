using Baize.Compression.Architectures;
using Baize.Compression.Layers;
using Baize.Compression.Onnx;
using Baize.Compression.Onnx.Proto;
using Baize.Compression.Tests.Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace Baize.Compression.Tests.Architectures;

public sealed class ConvolutionalEncoderTests
{
    [Theory]
    [MemberData(nameof(TestConfigs.Names), MemberType = typeof(TestConfigs))]
    public void Image_encoder_onnx_matches_torchsharp(string configName)
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(11);
        using var encoder = new ConvolutionalEncoder(TestConfigs.Image(configName));
        BatchNormStatistics.Randomize(encoder);
        encoder.eval();
        var pixels = torch.randn(3, 3, 64, 64);

        OnnxParity.AssertMatches(encoder, model => model.forward(pixels), (EncoderContract.ImageInput, pixels));
    }

    [Theory]
    [MemberData(nameof(TestConfigs.Names), MemberType = typeof(TestConfigs))]
    public void Audio_encoder_onnx_matches_torchsharp(string configName)
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(12);
        using var encoder = new ConvolutionalEncoder(TestConfigs.Audio(configName));
        BatchNormStatistics.Randomize(encoder);
        encoder.eval();
        var logMel = torch.randn(3, 1, 64, 300);

        OnnxParity.AssertMatches(encoder, model => model.forward(logMel), (EncoderContract.AudioInput, logMel));
    }

    /// <summary>
    /// Weights files are loaded strictly by key, so these keys are those the former ImageEncoder and AudioEncoder
    /// classes saved: trained weights.dat files must keep loading.
    /// </summary>
    [Fact]
    public void State_dict_keys_are_those_of_the_trained_image_and_audio_weights()
    {
        string[] convBatchNorm = ["conv.weight", "bn.weight", "bn.bias", "bn.running_mean", "bn.running_var", "bn.num_batches_tracked"];
        string[] units = ["backbone.stem", "backbone.stages.0.blocks.0.conv1", "backbone.stages.0.blocks.0.conv2", "backbone.stages.0.blocks.0.shortcut"];
        string[] expected =
        [
            .. units.SelectMany(unit => convBatchNorm.Select(entry => $"{unit}.{entry}")),
            "head.fc1.weight", "head.fc1.bias", "head.fc2.weight", "head.fc2.bias",
        ];
        ResidualStageConfig[] stages = [new(6, 2, [5])];
        using var image = new ConvolutionalEncoder(new ConvolutionalEncoderConfig(ConvolutionalInput.Image, new ResidualCnnConfig(3, 4, 1, stages), 7));
        using var audio = new ConvolutionalEncoder(new ConvolutionalEncoderConfig(ConvolutionalInput.Audio, new ResidualCnnConfig(1, 4, 2, stages), 7));

        Assert.Equal(expected.Order(), image.state_dict().Keys.Order());
        Assert.Equal(expected.Order(), audio.state_dict().Keys.Order());
    }

    [Fact]
    public void Exported_graphs_keep_the_image_and_audio_architecture_names()
    {
        using var image = new ConvolutionalEncoder(TestConfigs.Image(TestConfigs.Irregular));
        using var audio = new ConvolutionalEncoder(TestConfigs.Audio(TestConfigs.Irregular));

        Assert.Equal(("ImageEncoder", "AudioEncoder"), (image.ArchitectureName, audio.ArchitectureName));
        Assert.Equal("ImageEncoder", ModelProto.Parser.ParseFrom(OnnxExporter.Export(image)).Graph.Name);
        Assert.Equal("AudioEncoder", ModelProto.Parser.ParseFrom(OnnxExporter.Export(audio)).Graph.Name);
    }

    [Fact]
    public void Backbone_must_read_the_channels_of_the_input()
    {
        var config = ConvolutionalEncoderConfig.ImageTeacher() with { Input = ConvolutionalInput.Audio };

        Assert.Throws<ArgumentException>(() => new ConvolutionalEncoder(config));
    }
}
