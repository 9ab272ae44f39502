using Baize.Compression.Architectures;
using Baize.Compression.Layers;
using Baize.Compression.Tests.Architectures;
using TorchSharp;
using static TorchSharp.torch;

namespace Baize.Compression.Tests.Layers;

public sealed class PrunableLayerTests
{
    [Fact]
    public void Image_teacher_lists_every_prunable_group_in_forward_order()
    {
        using var encoder = new ConvolutionalEncoder(ConvolutionalEncoderConfig.ImageTeacher());

        var layers = encoder.PrunableLayers().Select(layer => (layer.Name, layer.Kind, layer.GroupCount));

        (string, PrunableKind, int)[] expected =
        [
            ("backbone.stem", PrunableKind.ConvChannels, 32),
            ("backbone.stages.0.blocks.0.conv1", PrunableKind.ConvChannels, 32),
            ("backbone.stages.0", PrunableKind.ConvChannels, 32),
            ("backbone.stages.1.blocks.0.conv1", PrunableKind.ConvChannels, 64),
            ("backbone.stages.1", PrunableKind.ConvChannels, 64),
            ("backbone.stages.2.blocks.0.conv1", PrunableKind.ConvChannels, 128),
            ("backbone.stages.2", PrunableKind.ConvChannels, 128),
            ("backbone.stages.3.blocks.0.conv1", PrunableKind.ConvChannels, 128),
            ("backbone.stages.3", PrunableKind.ConvChannels, 128),
            ("head.fc1", PrunableKind.HiddenUnits, 256),
        ];
        Assert.Equal(expected, layers);
    }

    [Fact]
    public void Text_and_video_teachers_list_model_width_heads_mlp_units_and_temporal_channels()
    {
        using var text = new TextEncoder(TextEncoderConfig.Teacher(TestConfigs.TextVocabulary));
        using var video = new VideoEncoder(VideoEncoderConfig.Teacher());

        (string, PrunableKind, int)[] expectedText =
        [
            ("stream", PrunableKind.ModelWidth, 128),
            ("blocks.0.attention", PrunableKind.AttentionHeads, 4),
            ("blocks.0.mlp.fc1", PrunableKind.HiddenUnits, 256),
            ("blocks.1.attention", PrunableKind.AttentionHeads, 4),
            ("blocks.1.mlp.fc1", PrunableKind.HiddenUnits, 256),
        ];
        Assert.Equal(expectedText, text.PrunableLayers().Select(layer => (layer.Name, layer.Kind, layer.GroupCount)));
        var videoLayers = video.PrunableLayers().Select(layer => (layer.Name, layer.GroupCount)).ToList();
        Assert.Contains(("temporal.0.conv", 128), videoLayers);
        Assert.Contains(("temporal.1.conv", 128), videoLayers);
        Assert.Equal(("head.fc1", 256), videoLayers[^1]);
    }

    [Fact]
    public void Producers_are_the_encoders_own_parameters_split_evenly_into_groups()
    {
        using var text = new TextEncoder(TestConfigs.Text(TestConfigs.Irregular));
        using var image = new ConvolutionalEncoder(TestConfigs.Image(TestConfigs.Irregular));
        using var audio = new ConvolutionalEncoder(TestConfigs.Audio(TestConfigs.Irregular));
        using var video = new VideoEncoder(TestConfigs.Video(TestConfigs.Irregular));

        AssertProducersBelongTo(text, text.PrunableLayers());
        AssertProducersBelongTo(image, image.PrunableLayers());
        AssertProducersBelongTo(audio, audio.PrunableLayers());
        AssertProducersBelongTo(video, video.PrunableLayers());
    }

    [Fact]
    public void Group_norms_are_the_l2_norms_of_each_groups_producer_slices()
    {
        using var scope = NewDisposeScope();
        using var encoder = new ConvolutionalEncoder(TestConfigs.Image(TestConfigs.Irregular));
        var head = encoder.PrunableLayers().Single(layer => layer.Name == "head.fc1");
        var parameters = encoder.named_parameters().ToDictionary(entry => entry.name, entry => entry.parameter);

        var norms = head.GroupNorms();

        var expected = (parameters["head.fc1.weight"].square().sum(1) + parameters["head.fc1.bias"].square()).sqrt();
        Assert.Equal([head.GroupCount], norms.shape);
        Assert.True(norms.allclose(expected));
    }

    [Fact]
    public void Zeroed_stream_channel_is_silent_even_through_an_identity_shortcut_stage()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        torch.manual_seed(41);
        // Stage 3 of the irregular image config keeps width and resolution, so it has an identity shortcut and
        // its channels are stage 2's: one group, produced in both stages.
        using var encoder = new ConvolutionalEncoder(TestConfigs.Image(TestConfigs.Irregular));
        BatchNormStatistics.Randomize(encoder);
        encoder.eval();
        var stream = encoder.PrunableLayers().Single(layer => layer.Name == "backbone.stages.2");
        Assert.DoesNotContain(encoder.PrunableLayers(), layer => layer.Name == "backbone.stages.3");
        ZeroGroup(stream, group: 0);
        var pixels = torch.randn(2, 3, 64, 64);
        var before = encoder.forward(pixels);

        // Everything that reads channel 0 of that stream: stage 3's first convolution and the head, after pooling.
        var parameters = encoder.named_parameters().ToDictionary(entry => entry.name, entry => entry.parameter);
        parameters["backbone.stages.3.blocks.0.conv1.conv.weight"].narrow(1, 0, 1).normal_();
        parameters["head.fc1.weight"].narrow(1, 0, 1).normal_();

        Assert.True(encoder.forward(pixels).allclose(before, rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void Zeroed_attention_head_is_silent()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        torch.manual_seed(42);
        using var encoder = new TextEncoder(TestConfigs.Text(TestConfigs.Irregular));
        encoder.eval();
        var attention = encoder.PrunableLayers().First(layer => layer.Kind == PrunableKind.AttentionHeads);
        ZeroGroup(attention, group: 1);
        var inputIds = torch.randint(0, TestConfigs.TextVocabulary, [2, EncoderContract.TextSequenceLength], dtype: ScalarType.Int64);
        var attentionMask = torch.ones(2, EncoderContract.TextSequenceLength, dtype: ScalarType.Int64);
        var before = encoder.forward(inputIds, attentionMask);

        // Head 1's context feeds columns [32, 64) of the output projection.
        var output = encoder.named_parameters().Single(entry => entry.name == $"{attention.Name}.output.weight").parameter;
        output.narrow(1, 32, 32).normal_();

        Assert.True(encoder.forward(inputIds, attentionMask).allclose(before, rtol: 0, atol: 1e-6));
    }

    private static void ZeroGroup(PrunableLayer layer, int group)
    {
        using var noGrad = no_grad();
        foreach (var producer in layer.Producers)
        {
            var size = producer.Parameter.shape[producer.Axis] / layer.GroupCount;
            producer.Parameter.narrow(producer.Axis, group * size, size).zero_();
        }
    }

    private static void AssertProducersBelongTo(nn.Module encoder, IReadOnlyList<PrunableLayer> layers)
    {
        var names = encoder.named_parameters().ToDictionary(entry => (object)entry.parameter, entry => entry.name, ReferenceEqualityComparer.Instance);
        Assert.NotEmpty(layers);
        foreach (var layer in layers)
        {
            Assert.NotEmpty(layer.Producers);
            if (layer.Kind != PrunableKind.ModelWidth)
            {
                Assert.StartsWith(layer.Name + ".", names[layer.Producers[0].Parameter], StringComparison.Ordinal);
            }

            Assert.All(layer.Producers, producer =>
            {
                Assert.True(names.ContainsKey(producer.Parameter), $"{layer.Name}: a producer is not a registered parameter");
                Assert.Equal(0, producer.Parameter.shape[producer.Axis] % layer.GroupCount);
            });
        }
    }
}
