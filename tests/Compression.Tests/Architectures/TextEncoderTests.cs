using Baize.Compression.Architectures;
using Baize.Compression.Tests.Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace Baize.Compression.Tests.Architectures;

public sealed class TextEncoderTests
{
    [Theory]
    [MemberData(nameof(TestConfigs.Names), MemberType = typeof(TestConfigs))]
    public void Text_encoder_onnx_matches_torchsharp(string configName)
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(15);
        using var encoder = new TextEncoder(TestConfigs.Text(configName));
        encoder.eval();
        var (inputIds, attentionMask) = RandomBatch(lengths: [32, 17, 5]);

        OnnxParity.AssertMatches(
            encoder,
            model => model.forward(inputIds, attentionMask),
            (EncoderContract.TextTokenInput, inputIds),
            (EncoderContract.TextMaskInput, attentionMask));
    }

    [Fact]
    public void Text_encoder_ignores_what_sits_in_padding_positions()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        torch.manual_seed(16);
        using var encoder = new TextEncoder(TestConfigs.Text(TestConfigs.Teacher));
        encoder.eval();
        var (inputIds, attentionMask) = RandomBatch(lengths: [9, 20]);
        var otherPadding = torch.where(attentionMask == 1, inputIds, (inputIds + 1) % TestConfigs.TextVocabulary);

        var difference = (encoder.forward(inputIds, attentionMask) - encoder.forward(otherPadding, attentionMask)).abs().max().item<float>();

        Assert.True(difference < 1e-6f, $"changing padding tokens moved the embedding by {difference}");
    }

    /// <summary>Random ids with real tokens first and padding after, one row per length.</summary>
    private static (Tensor InputIds, Tensor AttentionMask) RandomBatch(int[] lengths)
    {
        const int Steps = EncoderContract.TextSequenceLength;
        var inputIds = torch.randint(0, TestConfigs.TextVocabulary, [lengths.Length, Steps], dtype: ScalarType.Int64);
        var mask = new long[lengths.Length * Steps];
        for (var row = 0; row < lengths.Length; row++)
        {
            mask.AsSpan(row * Steps, lengths[row]).Fill(1);
        }

        return (inputIds, torch.tensor(mask, [lengths.Length, Steps]));
    }
}
