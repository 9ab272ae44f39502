using Baize.Compression.Architectures;
using Baize.Compression.Tests.Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace Baize.Compression.Tests.Architectures;

public sealed class ImageEncoderTests
{
    [Theory]
    [MemberData(nameof(TestConfigs.Names), MemberType = typeof(TestConfigs))]
    public void Image_encoder_onnx_matches_torchsharp(string configName)
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(11);
        using var encoder = new ImageEncoder(TestConfigs.Image(configName));
        BatchNormStatistics.Randomize(encoder);
        encoder.eval();
        var pixels = torch.randn(3, 3, 64, 64);

        OnnxParity.AssertMatches(encoder, model => model.forward(pixels), (EncoderContract.ImageInput, pixels));
    }
}
