using Baize.Compression.Architectures;
using TorchSharp;
using static TorchSharp.torch;

namespace Baize.Compression.Tests.Architectures;

public sealed class EncoderWeightsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("baize-weights-").FullName;

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Image_weights_roundtrip_gives_identical_outputs()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var path = Path.Combine(_directory, EncoderWeights.FileName);
        torch.manual_seed(31);
        using var saved = new ConvolutionalEncoder(TestConfigs.Image(TestConfigs.Irregular));
        BatchNormStatistics.Randomize(saved);
        saved.eval();
        EncoderWeights.Save(saved, path);

        torch.manual_seed(32);
        using var loaded = new ConvolutionalEncoder(TestConfigs.Image(TestConfigs.Irregular));
        EncoderWeights.Load(loaded, path);
        loaded.eval();

        var pixels = torch.randn(3, 3, 64, 64);
        Assert.True(saved.forward(pixels).allclose(loaded.forward(pixels), rtol: 0, atol: 0));
    }

    [Fact]
    public void Text_weights_roundtrip_gives_identical_outputs()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var path = Path.Combine(_directory, EncoderWeights.FileName);
        torch.manual_seed(33);
        using var saved = new TextEncoder(TestConfigs.Text(TestConfigs.Irregular));
        EncoderWeights.Save(saved, path);

        torch.manual_seed(34);
        using var loaded = new TextEncoder(TestConfigs.Text(TestConfigs.Irregular));
        EncoderWeights.Load(loaded, path);

        var inputIds = torch.randint(0, TestConfigs.TextVocabulary, [2, EncoderContract.TextSequenceLength], dtype: ScalarType.Int64);
        var attentionMask = torch.ones(2, EncoderContract.TextSequenceLength, dtype: ScalarType.Int64);
        Assert.True(saved.forward(inputIds, attentionMask).allclose(loaded.forward(inputIds, attentionMask), rtol: 0, atol: 0));
    }

    [Fact]
    public void Weights_do_not_load_into_an_encoder_of_another_config()
    {
        var path = Path.Combine(_directory, EncoderWeights.FileName);
        using var teacher = new VideoEncoder(VideoEncoderConfig.Teacher());
        EncoderWeights.Save(teacher, path);
        using var student = new VideoEncoder(VideoEncoderConfig.Teacher().Scaled(0.5));

        Assert.ThrowsAny<Exception>(() => EncoderWeights.Load(student, path));
    }
}
