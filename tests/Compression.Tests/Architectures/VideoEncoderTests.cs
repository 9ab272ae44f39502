using Baize.Compression.Architectures;
using Baize.Compression.Tests.Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace Baize.Compression.Tests.Architectures;

public sealed class VideoEncoderTests
{
    [Theory]
    [MemberData(nameof(TestConfigs.Names), MemberType = typeof(TestConfigs))]
    public void Video_encoder_onnx_matches_torchsharp(string configName)
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(13);
        using var encoder = new VideoEncoder(TestConfigs.Video(configName));
        BatchNormStatistics.Randomize(encoder);
        encoder.eval();
        var frames = torch.randn([3, 8, 3, 64, 64]);

        OnnxParity.AssertMatches(encoder, model => model.forward(frames), (EncoderContract.VideoInput, frames));
    }

    [Fact]
    public void Video_encoder_can_learn_to_separate_a_motion_from_its_reverse()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(14);
        using var encoder = new VideoEncoder(VideoEncoderConfig.Teacher().Scaled(0.5));
        using var optimizer = optim.Adam(encoder.parameters(), 3e-3);
        var leftToRight = MovingSquare();
        var bothWays = cat([leftToRight, leftToRight.flip(1)]);

        // A position-blind frame summary would leave the two directions (nearly) the same sequence; then no training helps.
        var initial = Similarity(encoder, bothWays);
        encoder.train();
        for (var step = 0; step < 30; step++)
        {
            using var stepScope = NewDisposeScope();
            optimizer.zero_grad();
            var embeddings = encoder.forward(bothWays);
            (embeddings[0] * embeddings[1]).sum().backward();
            optimizer.step();
        }

        var trained = Similarity(encoder, bothWays);
        Assert.True(trained < 0.5f, $"cosine between the two directions went from {initial} to {trained} only");
    }

    private static float Similarity(VideoEncoder encoder, Tensor pair)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        encoder.eval();
        var embeddings = encoder.forward(pair);
        return (embeddings[0] * embeddings[1]).sum().item<float>();
    }

    /// <summary>One clip of a bright 16x16 square crossing a dark frame from left to right.</summary>
    private static Tensor MovingSquare()
    {
        var frames = torch.zeros([1, EncoderContract.VideoFrames, 3, 64, 64]);
        for (var step = 0; step < EncoderContract.VideoFrames; step++)
        {
            var left = 2 + (6 * step);
            frames[0, step, .., 24..40, left..(left + 16)].fill_(2f);
        }

        return frames;
    }
}
