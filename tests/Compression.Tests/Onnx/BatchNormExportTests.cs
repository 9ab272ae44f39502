using Baize.Compression.Architectures;
using Baize.Compression.Tests.Architectures;
using TorchSharp;
using static TorchSharp.torch;

namespace Baize.Compression.Tests.Onnx;

public sealed class BatchNormExportTests
{
    [Fact]
    public void BatchNorm_running_stats_from_training_export_correctly()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(21);
        using var encoder = new ConvolutionalEncoder(TestConfigs.Image(TestConfigs.Irregular));
        encoder.train();
        for (var step = 0; step < 3; step++)
        {
            using var stepScope = NewDisposeScope();
            // Shifted, scaled inputs move the running statistics well away from their initial 0 and 1.
            encoder.forward((torch.randn(4, 3, 64, 64) * 2) + 0.5);
        }

        encoder.eval();
        var runningMeans = encoder.named_buffers().Where(buffer => buffer.name.EndsWith(".running_mean", StringComparison.Ordinal));
        Assert.All(runningMeans, buffer => Assert.True(buffer.buffer.abs().max().item<float>() > 1e-3f, $"{buffer.name} never moved"));
        var pixels = (torch.randn(3, 3, 64, 64) * 2) + 0.5;

        OnnxParity.AssertMatches(encoder, model => model.forward(pixels), (EncoderContract.ImageInput, pixels));
    }
}
