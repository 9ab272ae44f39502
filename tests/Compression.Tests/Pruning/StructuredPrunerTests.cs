using Baize.Compression.Architectures;
using Baize.Compression.Classification;
using Baize.Compression.Layers;
using Baize.Compression.Pruning;
using Baize.Compression.Tests.Architectures;
using Baize.Compression.Tests.Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace Baize.Compression.Tests.Pruning;

public sealed class StructuredPrunerTests
{
    [Theory]
    [MemberData(nameof(TestConfigs.Names), MemberType = typeof(TestConfigs))]
    public void Pruning_zeroed_groups_of_an_image_encoder_keeps_its_outputs_and_shrinks_it(string config)
    {
        using var scope = NewDisposeScope();
        using var encoder = new ConvolutionalEncoder(TestConfigs.Image(config));
        var pixels = torch.randn(3, 3, 64, 64);

        using var pruned = (ConvolutionalEncoder)AssertPrunedKeepsOutputs(encoder, e => ((ConvolutionalEncoder)e).forward(pixels), seed: 1);

        OnnxParity.AssertMatches(pruned, model => model.forward(pixels), (EncoderContract.ImageInput, pixels));
    }

    [Theory]
    [MemberData(nameof(TestConfigs.Names), MemberType = typeof(TestConfigs))]
    public void Pruning_zeroed_groups_of_an_audio_encoder_keeps_its_outputs_and_shrinks_it(string config)
    {
        using var scope = NewDisposeScope();
        using var encoder = new ConvolutionalEncoder(TestConfigs.Audio(config));
        var logMel = torch.randn(2, 1, EncoderContract.AudioMelBins, EncoderContract.AudioFrames);

        using var pruned = (ConvolutionalEncoder)AssertPrunedKeepsOutputs(encoder, e => ((ConvolutionalEncoder)e).forward(logMel), seed: 2);

        OnnxParity.AssertMatches(pruned, model => model.forward(logMel), (EncoderContract.AudioInput, logMel));
    }

    [Theory]
    [MemberData(nameof(TestConfigs.Names), MemberType = typeof(TestConfigs))]
    public void Pruning_zeroed_groups_of_a_video_encoder_keeps_its_outputs_and_shrinks_it(string config)
    {
        using var scope = NewDisposeScope();
        using var encoder = new VideoEncoder(TestConfigs.Video(config));
        var frames = torch.randn([2, EncoderContract.VideoFrames, 3, 64, 64]);

        using var pruned = (VideoEncoder)AssertPrunedKeepsOutputs(encoder, e => ((VideoEncoder)e).forward(frames), seed: 3);

        OnnxParity.AssertMatches(pruned, model => model.forward(frames), (EncoderContract.VideoInput, frames));
    }

    [Theory]
    [MemberData(nameof(TestConfigs.Names), MemberType = typeof(TestConfigs))]
    public void Pruning_zeroed_heads_and_units_of_a_text_encoder_keeps_its_outputs_and_shrinks_it(string config)
    {
        using var scope = NewDisposeScope();
        using var encoder = new TextEncoder(TestConfigs.Text(config));
        var (ids, mask) = Tokens(seed: 4);

        // Model width is the one kind whose removal is not exact (LayerNorm statistics); it has its own test.
        using var pruned = (TextEncoder)AssertPrunedKeepsOutputs(encoder, e => ((TextEncoder)e).forward(ids, mask), seed: 4, layer => layer.Kind != PrunableKind.ModelWidth);

        OnnxParity.AssertMatches(pruned, model => model.forward(ids, mask), (EncoderContract.TextTokenInput, ids), (EncoderContract.TextMaskInput, mask));
    }

    [Fact]
    public void Pruning_zeroed_groups_of_the_classifier_keeps_its_logits_and_shrinks_it()
    {
        using var scope = NewDisposeScope();
        using var classifier = new Classifier(ClassifierConfig.FashionTeacher());
        var images = torch.randn(4, 1, ClassifierConfig.ImageSide, ClassifierConfig.ImageSide);

        using var pruned = (Classifier)AssertPrunedKeepsOutputs(classifier, c => ((Classifier)c).forward(images), seed: 6);

        Assert.Equal(pruned.Config.MacsPerItem(), pruned.MacsPerItem());
        Assert.True(pruned.MacsPerItem() < classifier.MacsPerItem());
    }

    [Fact]
    public void Pruning_zeroed_model_width_of_a_text_encoder_removes_the_channels_and_stays_close()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        torch.manual_seed(5);
        using var encoder = new TextEncoder(TestConfigs.Text(TestConfigs.Teacher));
        encoder.eval();
        var stream = encoder.PrunableLayers().Single(layer => layer.Kind == PrunableKind.ModelWidth);
        var kept = Enumerable.Range(0, stream.GroupCount).Where(channel => channel % 8 != 0).ToList();
        ZeroAllBut(stream, kept);
        var (ids, mask) = Tokens(seed: 5);
        var before = encoder.forward(ids, mask);

        using var pruned = (TextEncoder)StructuredPruner.Prune(encoder, new Dictionary<string, IReadOnlyList<int>> { [stream.Name] = kept });

        Assert.Equal(kept.Count, pruned.Config.ModelDim);
        Assert.Equal(pruned.Config.ParameterCount(), pruned.ParameterCount());
        var cosine = (pruned.forward(ids, mask) * before).sum(1);
        Assert.True(cosine.min().item<float>() > 0.95f, $"embeddings moved to cosine {cosine.min().item<float>()}");
    }

    [Fact]
    public void Keeping_an_out_of_range_or_empty_group_list_is_refused()
    {
        using var encoder = new ConvolutionalEncoder(TestConfigs.Image(TestConfigs.Irregular));

        Assert.Throws<ArgumentException>(() => StructuredPruner.Prune(encoder, new Dictionary<string, IReadOnlyList<int>> { ["head.fc1"] = [] }));
        Assert.Throws<ArgumentException>(() => StructuredPruner.Prune(encoder, new Dictionary<string, IReadOnlyList<int>> { ["head.fc1"] = [0, 37] }));
        Assert.Throws<ArgumentException>(() => StructuredPruner.Prune(encoder, new Dictionary<string, IReadOnlyList<int>> { ["no.such.layer"] = [0] }));
    }

    /// <summary>
    /// Zeroes a random ~40% of every selected layer's groups (never all of them), prunes them away and checks that
    /// the smaller dense encoder computes the same embeddings and has the parameter count its config promises.
    /// </summary>
    private static IEncoder AssertPrunedKeepsOutputs(IEncoder encoder, Func<IEncoder, Tensor> forward, int seed, Func<PrunableLayer, bool>? select = null)
    {
        var module = (nn.Module)encoder;
        torch.manual_seed(seed);
        BatchNormStatistics.Randomize(module);
        module.eval();
        var random = new Random(seed);
        var kept = new Dictionary<string, IReadOnlyList<int>>();
        foreach (var layer in encoder.PrunableLayers().Where(select ?? (_ => true)))
        {
            var groups = Enumerable.Range(0, layer.GroupCount).Where(_ => random.NextDouble() > 0.4).ToList();
            kept[layer.Name] = groups.Count == 0 ? [random.Next(layer.GroupCount)] : groups;
            ZeroAllBut(layer, kept[layer.Name]);
        }

        using var noGrad = no_grad();
        var before = forward(encoder);

        var pruned = StructuredPruner.Prune(encoder, kept);

        Assert.True(forward(pruned).allclose(before, rtol: 0, atol: 1e-5), "the pruned encoder computes something else");
        Assert.Equal(pruned.Config.ParameterCount(), pruned.ParameterCount());
        Assert.True(pruned.ParameterCount() < encoder.ParameterCount());
        Assert.All(pruned.PrunableLayers(), layer => Assert.Equal(kept.TryGetValue(layer.Name, out var groups) ? groups.Count : layer.GroupCount, layer.GroupCount));
        return pruned;
    }

    private static void ZeroAllBut(PrunableLayer layer, IReadOnlyList<int> kept)
    {
        using var noGrad = no_grad();
        foreach (var group in Enumerable.Range(0, layer.GroupCount).Except(kept))
        {
            foreach (var producer in layer.Producers)
            {
                var size = producer.Parameter.shape[producer.Axis] / layer.GroupCount;
                producer.Parameter.narrow(producer.Axis, group * size, size).zero_();
            }
        }
    }

    private static (Tensor Ids, Tensor Mask) Tokens(int seed)
    {
        torch.manual_seed(seed);
        var ids = torch.randint(0, TestConfigs.TextVocabulary, [3, EncoderContract.TextSequenceLength], dtype: ScalarType.Int64);
        var mask = torch.ones(3, EncoderContract.TextSequenceLength, dtype: ScalarType.Int64);
        mask[2, TensorIndex.Slice(20)] = torch.tensor(0L);
        return (ids, mask);
    }
}
