using Baize.Compression.Architectures;
using Baize.Compression.Tests.Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace Baize.Compression.Tests.Architectures;

public sealed class AudioEncoderTests
{
    [Theory]
    [MemberData(nameof(TestConfigs.Names), MemberType = typeof(TestConfigs))]
    public void Audio_encoder_onnx_matches_torchsharp(string configName)
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(12);
        using var encoder = new AudioEncoder(TestConfigs.Audio(configName));
        BatchNormStatistics.Randomize(encoder);
        encoder.eval();
        var logMel = torch.randn(3, 1, 64, 300);

        OnnxParity.AssertMatches(encoder, model => model.forward(logMel), (EncoderContract.AudioInput, logMel));
    }
}
